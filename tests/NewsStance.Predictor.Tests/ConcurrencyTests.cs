using System.Text.Json;
using NewsStance.Tests.TestSupport;

namespace NewsStance.Tests;

/// <summary>One <see cref="NewsScorer"/> with the shipped <c>models/fast</c> bundle, shared by many threads.</summary>
public sealed class ConcurrencyTests
{
    /// <summary>
    /// Articles scored in each pass. Issue 14 asks for 10,000; 2,000 keeps the test to seconds on the
    /// 2-core CI machine and still interleaves thousands of engine rentals across the threads.
    /// </summary>
    private const int ArticleCount = 2_000;

    private const int Threads = 16;

    private static readonly StanceTarget[] Targets = [StanceTarget.Parse("the budget|budget"), StanceTarget.Parse("the new treaty|treaty"), StanceTarget.Parse("the strike|strike")];

    [Fact]
    public void Sixteen_threads_sharing_one_scorer_give_the_results_of_one_thread()
    {
        // Given: one scorer over the shipped n-gram bundle, and each article's result from one thread
        using var scorer = NewsScorer.Create(new ScorerOptions { ModelDirectory = RepoModels.Fast });
        var articles = Enumerable.Range(0, ArticleCount).Select(GeneratedArticles.Article).ToArray();
        var alone = articles.Select((text, i) => JsonSerializer.Serialize(scorer.Score($"a{i}", text, Targets))).ToArray();

        // When: sixteen threads take articles from one queue, so neighbours are scored at the same time
        var together = new string[ArticleCount];
        int next = -1;
        var threads = Enumerable.Range(0, Threads).Select(_ => new Thread(() =>
        {
            for (int i; (i = Interlocked.Increment(ref next)) < ArticleCount;)
                together[i] = JsonSerializer.Serialize(scorer.Score($"a{i}", articles[i], Targets));
        })).ToList();
        threads.ForEach(t => t.Start());
        threads.ForEach(t => t.Join());

        // Then: byte-for-byte the same, and the articles really had quotes with speakers and stance
        for (int i = 0; i < ArticleCount; i++) Assert.True(alone[i] == together[i], $"article {i} differs:\n{alone[i]}\n{together[i]}");
        Assert.True(alone.Count(r => r.Contains("\"Label\":", StringComparison.Ordinal)) > ArticleCount / 2, "most articles should have a stance label");
        Assert.All(alone, r => Assert.Contains("\"Speaker\":{", r));
    }
}
