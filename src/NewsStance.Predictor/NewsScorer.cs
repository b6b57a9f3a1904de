using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Runtime.ExceptionServices;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using NewsStance.Internal;
using NewsStance.Internal.Logging;
using NewsStance.Internal.Models;
using NewsStance.Internal.Speakers;
using NewsStance.Internal.Stance;

namespace NewsStance;

/// <summary>
/// Finds the quotations in news articles, attributes them to speakers and labels their stance.
/// Create one instance (it loads the model bundle once) and share it: every member is safe to call from
/// many threads at once. Dispose it when done: that releases the prediction engines it created.
/// </summary>
/// <example>
/// <code>
/// // models/default scores stance with sentence embeddings: NewsStance.Predictor.Semantic's UseSemanticStance() registers them.
/// using var scorer = NewsScorer.Create(new ScorerOptions { ModelDirectory = "models/default" }.UseSemanticStance());
/// var result = scorer.Score("peskov", File.ReadAllText("article.txt"),
///     [StanceTarget.Parse("Nicolas Maduro|Maduro|the Venezuelan president")]);
/// foreach (var q in result.Quotes)
///     Console.WriteLine($"{q.Speaker?.Name}: {q.Text} ({q.Stance.FirstOrDefault()?.Label})");
///
/// // Many articles, in parallel, results in input order:
/// foreach (var r in scorer.ScoreBatch(Directory.GetFiles("news").Select(f => new ArticleText(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f)))))
///     Console.WriteLine($"{r.ArticleId}: {r.Quotes.Count} quotes");
/// </code>
/// </example>
public sealed class NewsScorer : INewsScorer
{
    private readonly ArticlePipeline _pipeline;
    private readonly ILogger _logger;
    // What this scorer loaded and owns. The sentence encoders of NewsStance.Predictor.Semantic are shared by
    // every scorer in the process (they are large and read-only), so disposing a scorer leaves them loaded.
    private readonly object[] _owned;
    private int _disposed;

    private NewsScorer(ArticlePipeline pipeline, ModelInfo? model, ILogger logger, params object?[] owned)
    {
        _pipeline = pipeline;
        _logger = logger;
        Model = model;
        _owned = [.. owned.OfType<object>()];
    }

    /// <inheritdoc />
    public ModelInfo? Model { get; }

    /// <summary>
    /// Creates a scorer from the bundle folder <see cref="ScorerOptions.ModelDirectory"/> (or with
    /// <see cref="ScorerOptions.RulesOnly"/>, none). The shipped <c>models/default</c> scores stance with
    /// sentence embeddings: an app that loads it references <c>NewsStance.Predictor.Semantic</c> too and registers
    /// its stance model in <see cref="ScorerOptions.StanceModels"/> (<c>options.UseSemanticStance()</c>); with the
    /// core predictor alone, load <c>models/fast</c> (n-gram stance). Logs the bundle loaded, and how long that
    /// took, to <see cref="ScorerOptions.LoggerFactory"/>.
    /// </summary>
    /// <param name="options">The model bundle to load; required unless <see cref="ScorerOptions.RulesOnly"/>.</param>
    /// <returns>A scorer to share across threads and dispose when done.</returns>
    /// <exception cref="ModelLoadException">The bundle is missing, corrupt or of another version.</exception>
    public static NewsScorer Create(ScorerOptions? options = null)
    {
        options ??= new ScorerOptions();
        var logger = options.LoggerFactory?.CreateLogger<NewsScorer>() ?? (ILogger)NullLogger.Instance;
        if (options.RulesOnly)
        {
            ScorerLog.RulesOnly(logger);
            return new NewsScorer(new ArticlePipeline(RuleSpeakerScorer.Instance, null, RuleSpeakerScorer.Calibration), null, logger);
        }
        var started = Stopwatch.GetTimestamp();
        // Start-up is a third of a thousand-article run with models/fast (bench/README.md): while the bundle
        // loads, another core compiles the rule stages and reads their word lists.
        var warmUp = Task.Run(ArticlePipeline.WarmUp);
        ModelBundle bundle;
        try { bundle = LoadBundle(options); }
        catch (ModelLoadException e)
        {
            ScorerLog.ModelLoadFailed(logger, e.Message, e);
            throw;
        }
        ScorerLog.ModelLoaded(logger, bundle.Info.Directory, bundle.Info.StanceTrainer is "" ? "none" : bundle.Info.StanceTrainer,
            bundle.Info.SpeakerTrainer, (long)Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        if (bundle.Stance is MlStanceModel { FallbackReason: { } reason }) ScorerLog.StanceFallback(logger, bundle.Info.Directory, reason);
        warmUp.GetAwaiter().GetResult();
        return new NewsScorer(bundle.Speaker is null
            ? new ArticlePipeline(RuleSpeakerScorer.Instance, bundle.Stance, RuleSpeakerScorer.Calibration)
            : new ArticlePipeline(bundle.Speaker, bundle.Stance, bundle.SpeakerCalibration), bundle.Info,
            logger, bundle.Speaker, bundle.Stance);
    }

    private static ModelBundle LoadBundle(ScorerOptions options)
    {
        var dir = options.ModelDirectory
            ?? throw new ModelLoadException("No model bundle given. Set ScorerOptions.ModelDirectory to a bundle folder (such as the "
                + "models/default or models/fast of the NewsStance repository), or ScorerOptions.RulesOnly to score without one.");
        return ModelBundle.Load(dir, options.StanceModels);
    }

    /// <inheritdoc />
    /// <exception cref="ObjectDisposedException">The scorer was disposed.</exception>
    public ArticleResult Score(string articleId, string text, IReadOnlyList<StanceTarget>? targets = null)
    {
        ArgumentNullException.ThrowIfNull(articleId);
        ArgumentNullException.ThrowIfNull(text);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return _pipeline.Run(articleId, text, targets);
    }

    /// <inheritdoc />
    public IEnumerable<ArticleResult> ScoreBatch(IEnumerable<ArticleText> articles, IReadOnlyList<StanceTarget>? targets = null,
        int? maxParallelism = null, CancellationToken cancellationToken = default)
        => ResultsOrThrow(TryScoreBatch(articles, targets, maxParallelism, cancellationToken));

    /// <inheritdoc />
    public IEnumerable<ArticleOutcome> TryScoreBatch(IEnumerable<ArticleText> articles, IReadOnlyList<StanceTarget>? targets = null,
        int? maxParallelism = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        int parallelism = Parallelism(maxParallelism);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var scored = articles.AsParallel().AsOrdered().WithDegreeOfParallelism(parallelism)
            .WithMergeOptions(ParallelMergeOptions.NotBuffered)
            .WithCancellation(cancellationToken)
            .Select(article => Outcome(article, targets));
        return Unwrapped(scored);
    }

    private ArticleOutcome Outcome(ArticleText article, IReadOnlyList<StanceTarget>? targets)
    {
        try { return new ArticleOutcome(article, ScoreOne(article, targets), null); }
        catch (ArticleScoringException e) { return new ArticleOutcome(article, null, e); }
    }

    /// <summary>Fail-fast over the outcomes: every result before the first failure, then that failure.</summary>
    private static IEnumerable<ArticleResult> ResultsOrThrow(IEnumerable<ArticleOutcome> outcomes)
    {
        foreach (var outcome in outcomes)
        {
            if (!outcome.Succeeded) ExceptionDispatchInfo.Throw(outcome.Error);
            yield return outcome.Result;
        }
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ArticleResult> ScoreAsync(IAsyncEnumerable<ArticleText> articles, IReadOnlyList<StanceTarget>? targets = null,
        int? maxParallelism = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(articles);
        int parallelism = Parallelism(maxParallelism);
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        return ScoreStream(articles, targets, parallelism, cancellationToken);
    }

    private async IAsyncEnumerable<ArticleResult> ScoreStream(IAsyncEnumerable<ArticleText> articles, IReadOnlyList<StanceTarget>? targets,
        int parallelism, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        // A window of at most `parallelism` articles in flight, yielded from its head: input order, bounded memory.
        var inFlight = new Queue<Task<ArticleResult>>();
        try
        {
            await foreach (var article in articles.WithCancellation(cancellationToken).ConfigureAwait(false))
            {
                var next = article;
                inFlight.Enqueue(Task.Run(() => ScoreOne(next, targets), cancellationToken));
                if (inFlight.Count >= parallelism)
                    yield return await inFlight.Dequeue().ConfigureAwait(false);
            }
            while (inFlight.Count > 0)
                yield return await inFlight.Dequeue().ConfigureAwait(false);
        }
        finally
        {
            // Ended early: let the articles already started finish, so none outlives the enumeration.
            foreach (var task in inFlight)
            {
                try { await task.ConfigureAwait(false); }
                catch (Exception) { /* the enumeration is already ending with its own outcome */ }
            }
        }
    }

    private ArticleResult ScoreOne(ArticleText article, IReadOnlyList<StanceTarget>? targets)
    {
        ArgumentNullException.ThrowIfNull(article);
        try { return Score(article.Id, article.Text, targets); }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            ScorerLog.ArticleFailed(_logger, article.Id ?? "(null)", e);
            throw new ArticleScoringException(article.Id ?? "(null)", e);
        }
    }

    /// <summary>PLINQ wraps a worker's exception in an AggregateException; rethrow the one inside, as the caller expects.</summary>
    private static IEnumerable<T> Unwrapped<T>(IEnumerable<T> results)
    {
        using var e = results.GetEnumerator();
        while (true)
        {
            try
            {
                if (!e.MoveNext()) yield break;
            }
            catch (AggregateException ae) when (ae.InnerExceptions.Count == 1)
            {
                ExceptionDispatchInfo.Throw(ae.InnerExceptions[0]);
            }
            yield return e.Current;
        }
    }

    private static int Parallelism(int? maxParallelism)
    {
        if (maxParallelism is { } n) ArgumentOutOfRangeException.ThrowIfLessThan(n, 1, nameof(maxParallelism));
        return Math.Min(maxParallelism ?? Environment.ProcessorCount, 512); // PLINQ's ceiling
    }

    /// <summary>
    /// The people and organisations an article names, with how often and in how many of its quotes: the
    /// candidates for stance targets (what scoring without targets scores toward). Uses no model.
    /// </summary>
    /// <param name="text">The article text.</param>
    /// <returns>One entry per person or organisation.</returns>
    public static IReadOnlyList<NamedEntity> FindNamedEntities(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ArticlePipeline.NamedEntities("", text);
    }

    /// <summary>
    /// Releases the prediction engines this scorer created. Scoring afterwards throws
    /// <see cref="ObjectDisposedException"/>. The sentence encoders of <c>NewsStance.Predictor.Semantic</c>
    /// are shared by every scorer in the process and stay loaded until it exits.
    /// </summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        foreach (var part in _owned) (part as IDisposable)?.Dispose();
    }
}
