namespace NewsStance.Internal.Quotes;

/// <summary>
/// Quotations no frame took as its content, when they read like speech: long enough, or a sentence of their own.
/// Shorter ones are scare quotes, titles and terms. A dash trailer after one names its speaker.
/// </summary>
internal sealed class BareQuotations(QuoteContext c, DashTrailer dashTrailer)
{
    /// <summary>The speech-like quotations outside <paramref name="claimed"/> as direct quotes, in text order.</summary>
    public List<QuoteCandidate> Find(IReadOnlySet<QuoteRegion> claimed)
    {
        var quotes = new List<QuoteCandidate>();
        foreach (var r in c.Regions)
        {
            if (claimed.Contains(r) || r.Pieces.Count == 0) continue;
            bool speechLike = r.Words >= 6 || r.Words >= 4 && r.EndsWithStop && r.StartsUpper;
            if (!speechLike) continue;
            int sentence = c.Article.SentenceAt(r.Pieces[0].Start);
            int paragraph = c.Article.Sentences[sentence].Paragraph;
            quotes.Add(dashTrailer.Find(r, sentence, paragraph) ?? new QuoteCandidate
            {
                Type = QuoteType.Direct, Content = r.Pieces, Quotations = [r], Sentence = sentence, Paragraph = paragraph,
                Pattern = FramePattern.None,
            });
        }
        return quotes;
    }
}
