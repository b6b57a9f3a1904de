using System.Text.Json;
using NewsStance.Tests.TestSupport;

namespace NewsStance.Tests;

public sealed class BatchScoringTests : IClassFixture<TinyStanceBundle>
{
    private static readonly StanceTarget[] Targets = [StanceTarget.Parse("Budget|the budget|the plan")];
    private readonly TinyStanceBundle _bundle;

    public BatchScoringTests(TinyStanceBundle bundle) => _bundle = bundle;

    /// <summary>Articles of different lengths, so parallel workers finish out of input order.</summary>
    private static ArticleText[] Articles(int count) => Enumerable.Range(0, count).Select(i => new ArticleText($"a{i}",
        string.Concat(Enumerable.Repeat($"Finance Minister Lars Berg{i} said that the budget for year {2000 + i} would be balanced. "
            + $"\"We will not raise taxes,\" he said of the plan.\n", 1 + i % 7)))).ToArray();

    private static string Snapshot(ArticleResult r) => JsonSerializer.Serialize(r);

    private static async IAsyncEnumerable<ArticleText> Stream(IEnumerable<ArticleText> articles)
    {
        foreach (var a in articles)
        {
            await Task.Yield();
            yield return a;
        }
    }

    [Fact]
    public void ScoreBatch_gives_the_one_by_one_results_in_input_order()
    {
        // Given
        using var scorer = NewsScorer.Create(new ScorerOptions { ModelDirectory = _bundle.Directory });
        var articles = Articles(40);
        var oneByOne = articles.Select(a => Snapshot(scorer.Score(a.Id, a.Text, Targets))).ToArray();

        // When
        var batch = scorer.ScoreBatch(articles, Targets, maxParallelism: 4).Select(Snapshot).ToArray();

        // Then
        Assert.Equal(oneByOne, batch);
        Assert.Contains("\"Target\":\"Budget\"", batch[0]);
    }

    [Fact]
    public async Task ScoreAsync_gives_the_one_by_one_results_in_input_order()
    {
        // Given
        using var scorer = NewsScorer.Create(new ScorerOptions { ModelDirectory = _bundle.Directory });
        var articles = Articles(40);
        var oneByOne = articles.Select(a => Snapshot(scorer.Score(a.Id, a.Text, Targets))).ToArray();

        // When
        var streamed = new List<string>();
        await foreach (var r in scorer.ScoreAsync(Stream(articles), Targets, maxParallelism: 3))
            streamed.Add(Snapshot(r));

        // Then
        Assert.Equal(oneByOne, streamed);
    }

    [Fact]
    public void ScoreBatch_names_the_article_that_failed()
    {
        // Given
        var scorer = NewsScorer.Create(new ScorerOptions { RulesOnly = true });
        var articles = Articles(10).Select((a, i) => i == 6 ? a with { Text = null! } : a);

        // When
        var e = Assert.Throws<ArticleScoringException>(() => scorer.ScoreBatch(articles, maxParallelism: 2).ToList());

        // Then
        Assert.Equal("a6", e.ArticleId);
        Assert.Contains("'a6'", e.Message);
        Assert.IsType<ArgumentNullException>(e.InnerException);
    }

    [Fact]
    public void ScoreBatch_yields_the_results_before_the_failed_article()
    {
        // Given
        var scorer = NewsScorer.Create(new ScorerOptions { RulesOnly = true });
        var articles = Articles(10).Select((a, i) => i == 6 ? a with { Text = null! } : a);
        var yielded = new List<string>();

        // When
        Assert.Throws<ArticleScoringException>(() =>
        {
            foreach (var r in scorer.ScoreBatch(articles, maxParallelism: 3)) yielded.Add(r.ArticleId);
        });

        // Then
        Assert.Equal(["a0", "a1", "a2", "a3", "a4", "a5"], yielded);
    }

    [Fact]
    public void TryScoreBatch_reports_the_failed_article_and_scores_the_rest_in_order()
    {
        // Given
        using var scorer = NewsScorer.Create(new ScorerOptions { ModelDirectory = _bundle.Directory });
        var articles = Articles(12).Select((a, i) => i == 6 ? a with { Text = null! } : a).ToArray();

        // When
        var outcomes = scorer.TryScoreBatch(articles, Targets, maxParallelism: 3).ToList();

        // Then
        Assert.Equal(articles, outcomes.Select(o => o.Article)); // the very objects, in input order
        Assert.All(outcomes.Select((o, i) => (o, i)), x => Assert.Same(articles[x.i], x.o.Article));
        var failed = Assert.Single(outcomes, o => !o.Succeeded);
        Assert.Same(articles[6], failed.Article);
        Assert.Null(failed.Result);
        Assert.Equal("a6", failed.Error!.ArticleId);
        Assert.IsType<ArgumentNullException>(failed.Error.InnerException);
        Assert.All(outcomes.Where(o => o.Succeeded), o => Assert.Equal(Snapshot(scorer.Score(o.Article.Id, o.Article.Text, Targets)), Snapshot(o.Result!)));
    }

    [Fact]
    public void TryScoreBatch_stops_when_cancelled()
    {
        // Given
        var scorer = NewsScorer.Create(new ScorerOptions { RulesOnly = true });
        using var cancellation = new CancellationTokenSource();
        int seen = 0;

        // When
        var e = Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in scorer.TryScoreBatch(Articles(10_000), maxParallelism: 2, cancellationToken: cancellation.Token))
                if (++seen == 5) cancellation.Cancel();
        });

        // Then
        Assert.Equal(cancellation.Token, e.CancellationToken);
        Assert.InRange(seen, 5, 9_999);
    }

    [Fact]
    public async Task ScoreAsync_names_the_article_that_failed_after_yielding_those_before_it()
    {
        // Given
        var scorer = NewsScorer.Create(new ScorerOptions { RulesOnly = true });
        var articles = Articles(10).Select((a, i) => i == 6 ? a with { Text = null! } : a);
        var yielded = new List<string>();

        // When
        var e = await Assert.ThrowsAsync<ArticleScoringException>(async () =>
        {
            await foreach (var r in scorer.ScoreAsync(Stream(articles), maxParallelism: 2)) yielded.Add(r.ArticleId);
        });

        // Then
        Assert.Equal("a6", e.ArticleId);
        Assert.Equal(["a0", "a1", "a2", "a3", "a4", "a5"], yielded);
    }

    [Fact]
    public void ScoreBatch_stops_when_cancelled()
    {
        // Given
        var scorer = NewsScorer.Create(new ScorerOptions { RulesOnly = true });
        using var cancellation = new CancellationTokenSource();
        var articles = Articles(10_000);
        int seen = 0;

        // When
        var e = Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in scorer.ScoreBatch(articles, maxParallelism: 2, cancellationToken: cancellation.Token))
                if (++seen == 5) cancellation.Cancel();
        });

        // Then
        Assert.Equal(cancellation.Token, e.CancellationToken);
        Assert.InRange(seen, 5, 9_999);
    }

    [Fact]
    public async Task ScoreAsync_stops_when_cancelled()
    {
        // Given
        var scorer = NewsScorer.Create(new ScorerOptions { RulesOnly = true });
        using var cancellation = new CancellationTokenSource();
        int seen = 0;

        // When
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in scorer.ScoreAsync(Stream(Articles(10_000)), maxParallelism: 2, cancellationToken: cancellation.Token))
                if (++seen == 5) cancellation.Cancel();
        });

        // Then
        Assert.InRange(seen, 5, 9_999);
    }

    [Fact]
    public void Batch_arguments_are_checked_when_called()
    {
        // Given
        var scorer = NewsScorer.Create(new ScorerOptions { RulesOnly = true });

        // Then
        Assert.Throws<ArgumentNullException>(() => scorer.ScoreBatch(null!));
        Assert.Throws<ArgumentNullException>(() => scorer.ScoreAsync(null!));
        Assert.Throws<ArgumentNullException>(() => scorer.TryScoreBatch(null!));
        Assert.Throws<ArgumentOutOfRangeException>(() => scorer.TryScoreBatch([], maxParallelism: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => scorer.ScoreBatch([], maxParallelism: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => scorer.ScoreAsync(Stream([]), maxParallelism: -1));
    }

    [Fact]
    public void Disposed_scorer_refuses_to_score_and_leaves_another_scorer_of_the_same_bundle_working()
    {
        // Given
        var first = NewsScorer.Create(new ScorerOptions { ModelDirectory = _bundle.Directory });
        using var second = NewsScorer.Create(new ScorerOptions { ModelDirectory = _bundle.Directory });
        var article = Articles(1)[0];
        first.Score(article.Id, article.Text, Targets);

        // When
        first.Dispose();
        first.Dispose();

        // Then
        Assert.Throws<ObjectDisposedException>(() => first.Score(article.Id, article.Text, Targets));
        Assert.Throws<ObjectDisposedException>(() => first.ScoreBatch([article]));
        Assert.Contains(second.Score(article.Id, article.Text, Targets).Quotes, q => q.Stance.Count > 0);
    }
}
