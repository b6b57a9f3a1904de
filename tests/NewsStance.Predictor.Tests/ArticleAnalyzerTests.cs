using NewsStance.Internal;
using NewsStance.Tests.TestSupport;

namespace NewsStance.Tests;

/// <summary>The first stages, wired in one place: read → mentions → entities → quotes.</summary>
public sealed class ArticleAnalyzerTests
{
    private const string Text = "Anna Lind met Tom Baker in Velna on Monday.\n\n\"The deal is done,\" Lind said. Baker said that talks would go on.\n";

    [Fact]
    public void Analysis_holds_the_article_its_mentions_their_entities_and_its_quotes()
    {
        // When
        var analysis = ArticleAnalyzer.Analyze("talks", Text);

        // Then
        Assert.Equal("talks", analysis.Article.Id);
        var lind = Assert.Single(analysis.Mentions, m => m.Span == Articles.SpanOf(Text, "Lind", 1));
        Assert.Equal("Anna Lind", analysis.Entities.EntityOf(lind)?.Name);
        Assert.Equal(
            [[Articles.SpanOf(Text, "The deal is done")], [Articles.SpanOf(Text, "talks would go on")]],
            analysis.Quotes.Select(q => q.Content.ToArray()));
    }

    [Fact]
    public void Scoring_reports_the_quotes_of_the_analysis()
    {
        // When
        var analysis = ArticleAnalyzer.Analyze("talks", Text);
        var scored = Articles.Score(Text, "talks");

        // Then
        Assert.Equal(analysis.Quotes.Select(q => q.Content.ToArray()), scored.Quotes.Select(q => q.ContentSpans.ToArray()));
        Assert.Equal(["Anna Lind", "Tom Baker"], scored.Quotes.Select(q => q.Speaker?.Name));
    }

    [Fact]
    public void Warm_up_article_reaches_every_rule_stage()
    {
        // When
        var result = ArticlePipeline.WarmUp();

        // Then: quotes found and attributed, so reading, mentions, quotes and speakers all ran
        Assert.True(result.Quotes.Count >= 4, $"{result.Quotes.Count} quotes");
        Assert.Contains(result.Quotes, q => q.Speaker?.Name.Contains("Nemeth") == true);
        Assert.Contains(result.Quotes, q => q.Speaker?.Name.Contains("Reyes") == true);
        Assert.All(result.Quotes, q => Assert.Empty(q.Stance));
    }
}
