using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using NewsStance.Tests.TestSupport;

namespace NewsStance.Tests;

public sealed class LoggingTests : IClassFixture<TinyStanceBundle>
{
    private readonly TinyStanceBundle _bundle;

    public LoggingTests(TinyStanceBundle bundle) => _bundle = bundle;

    [Fact]
    public void Scorer_logs_the_bundle_it_loaded_and_how_long_it_took()
    {
        // Given
        var recorder = new LogRecorder();
        using var factory = LoggerFactory.Create(b => b.AddProvider(recorder).SetMinimumLevel(LogLevel.Trace));

        // When
        using var scorer = NewsScorer.Create(new ScorerOptions { ModelDirectory = _bundle.Directory, LoggerFactory = factory });

        // Then (the tiny bundle's chain is not the trainer's, so a warning that ML.NET scores its stance follows)
        var entry = Assert.Single(recorder.Entries, e => e.Event.Id == 1);
        Assert.Equal(typeof(NewsScorer).FullName, entry.Category);
        Assert.Equal(LogLevel.Information, entry.Level);
        Assert.Matches(@"^Loaded model bundle .+ \(stance: SdcaMaximumEntropy, speakers: rules\) in \d+ ms$", entry.Message);
        Assert.Contains(Path.GetFullPath(_bundle.Directory), entry.Message);
    }

    [Fact]
    public void Scorer_logs_a_bundle_it_could_not_load_before_throwing()
    {
        // Given
        var recorder = new LogRecorder();
        using var factory = LoggerFactory.Create(b => b.AddProvider(recorder));
        var missing = Path.Combine(Path.GetTempPath(), $"no-bundle-{Guid.NewGuid():N}");

        // When
        var e = Assert.Throws<ModelLoadException>(() => NewsScorer.Create(new ScorerOptions { ModelDirectory = missing, LoggerFactory = factory }));

        // Then
        var entry = Assert.Single(recorder.Entries);
        Assert.Equal(LogLevel.Error, entry.Level);
        Assert.Same(e, entry.Exception);
        Assert.Contains(missing, entry.Message);
    }

    [Fact]
    public void Batch_logs_each_article_it_could_not_score_with_its_id()
    {
        // Given
        var recorder = new LogRecorder();
        using var factory = LoggerFactory.Create(b => b.AddProvider(recorder));
        using var scorer = NewsScorer.Create(new ScorerOptions { RulesOnly = true, LoggerFactory = factory });
        ArticleText[] articles = [new("ok-1", "\"Fine,\" she said."), new("broken", null!), new("ok-2", "\"Fine,\" he said.")];

        // When
        var outcomes = scorer.TryScoreBatch(articles, maxParallelism: 2).ToList();

        // Then
        Assert.Equal([true, false, true], outcomes.Select(o => o.Succeeded));
        var warning = Assert.Single(recorder.Entries, e => e.Level == LogLevel.Warning);
        Assert.Equal("Article broken could not be scored", warning.Message);
        Assert.IsType<ArgumentNullException>(warning.Exception);
    }

    [Fact]
    public void AddNewsStance_logs_to_the_containers_logger_factory()
    {
        // Given
        var recorder = new LogRecorder();
        var services = new ServiceCollection()
            .AddLogging(b => b.AddProvider(recorder))
            .AddNewsStance(o => o.ModelDirectory = _bundle.Directory);

        // When
        using (var provider = services.BuildServiceProvider())
            provider.GetRequiredService<INewsScorer>();

        // Then
        Assert.Contains(recorder.Entries, e => e.Category == typeof(NewsScorer).FullName && e.Message.StartsWith("Loaded model bundle", StringComparison.Ordinal));
    }
}
