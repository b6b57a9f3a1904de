namespace NewsStance.Cli.Internal.Summaries;

/// <summary>What a summary needs of one scored article, whether it was scored now or read from <c>score --format jsonl</c>.</summary>
/// <param name="Id">The article id.</param>
/// <param name="Date">The article's date as given (any ISO 8601 form), or null.</param>
/// <param name="Outlet">The outlet, or null.</param>
/// <param name="Quotes">Its quotes.</param>
internal sealed record SummaryArticle(string Id, string? Date, string? Outlet, IReadOnlyList<SummaryQuote> Quotes)
{
    public static SummaryArticle Of(ArticleResult r, ArticleInput input)
    {
        var meta = ArticleMetadata.Of(r, input);
        return new SummaryArticle(r.ArticleId, meta.Date, meta.Outlet, r.Quotes.Select(q => new SummaryQuote(
            q.Speaker?.Name, q.Speaker?.Kind.ToString().ToLowerInvariant(),
            q.Stance.Select(s => (s.Target, s.Label)).ToList())).ToList());
    }
}

/// <summary>One quote: its resolved speaker (null when none) and its stance entries.</summary>
internal sealed record SummaryQuote(string? Speaker, string? SpeakerKind, IReadOnlyList<(string Target, string Label)> Stance);
