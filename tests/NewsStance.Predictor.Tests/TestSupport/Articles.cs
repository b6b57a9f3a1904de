using NewsStance.Internal.Reading;

namespace NewsStance.Tests.TestSupport;

/// <summary>Scores and reads the small articles the tests write, and finds expected offsets in them.</summary>
internal static class Articles
{
    /// <summary>One rules-only scorer for all tests: it is meant to be shared across threads.</summary>
    public static readonly NewsScorer Rules = NewsScorer.Create(new ScorerOptions { RulesOnly = true });

    public static ArticleResult Score(string text, string id = "test-article") => Rules.Score(id, text);

    public static Article Read(string text, string id = "test-article") => ArticleReader.Read(id, text);

    /// <summary>The span of the <paramref name="occurrence"/>-th (0-based) occurrence of <paramref name="part"/> in <paramref name="text"/>.</summary>
    public static TextSpan SpanOf(string text, string part, int occurrence = 0)
    {
        int at = -1;
        for (int n = 0; n <= occurrence; n++)
        {
            at = text.IndexOf(part, at + 1, StringComparison.Ordinal);
            if (at < 0) throw new ArgumentException($"\"{part}\" (occurrence {occurrence}) is not in the test text.");
        }
        return new TextSpan(at, at + part.Length);
    }

    /// <summary>The texts of a quote's content spans, read back from the article text by offset.</summary>
    public static string[] Pieces(string text, QuoteResult quote) => quote.ContentSpans.Select(s => text.Substring(s.Start, s.Length)).ToArray();

    /// <summary>The single quote of an article, failing with the list when there are none or several.</summary>
    public static QuoteResult Single(ArticleResult result)
    {
        Assert.True(result.Quotes.Count == 1,
            $"expected one quote, found {result.Quotes.Count}: {string.Join(" | ", result.Quotes.Select(q => q.Type + ": " + q.Text))}");
        return result.Quotes[0];
    }
}
