using NewsStance.Internal.Mentions;
using NewsStance.Internal.Quotes;
using NewsStance.Internal.Reading;

namespace NewsStance.Internal;

/// <summary>
/// What the first stages make of one article, before any speaker is chosen: the article read into paragraphs,
/// sentences and tokens; the mentions of possible speakers, grouped into entities; and the quotes found.
/// </summary>
/// <param name="Article">The article as read.</param>
/// <param name="Mentions">Possible speakers, in text order, as the mention finder made them.</param>
/// <param name="Entities">The entities the mentions form (<see cref="EntityResolver.EntityOf"/>); resolves a pronoun for a quote when asked.</param>
/// <param name="Quotes">The quotes found, in text order.</param>
internal sealed record ArticleAnalysis(Article Article, IReadOnlyList<Mention> Mentions, EntityResolver Entities, IReadOnlyList<QuoteCandidate> Quotes);

/// <summary>
/// Runs the first stages of the pipeline, read → mentions → entities → quotes, in the one place they are
/// wired: scoring (<see cref="ArticlePipeline"/>), the named-entity list and the speaker ranker's training
/// all call it, so training sees exactly what scoring sees.
/// </summary>
internal static class ArticleAnalyzer
{
    public static ArticleAnalysis Analyze(string id, string text)
    {
        var article = ArticleReader.Read(id, text);
        var mentions = MentionFinder.Find(article);
        // The quotation marks are paired once: the resolver reads whose words are quoted, the quote finder reads the quotations.
        var quotations = QuoteRegionFinder.Find(article);
        var entities = new EntityResolver(mentions, article, quotations);
        var quotes = QuoteFinder.Find(article, mentions, quotations);
        return new ArticleAnalysis(article, mentions, entities, quotes);
    }
}
