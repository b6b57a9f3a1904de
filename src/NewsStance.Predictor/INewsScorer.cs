namespace NewsStance;

/// <summary>
/// Finds the quotations in news articles, attributes them to speakers and labels their stance: what
/// <see cref="NewsScorer"/> does, as an interface an app can mock or decorate. Every member is safe to call
/// from many threads at once.
/// </summary>
public interface INewsScorer : IDisposable
{
    /// <summary>What the loaded model bundle is, or null when scoring with the built-in rules only.</summary>
    ModelInfo? Model { get; }

    /// <summary>Scores one article.</summary>
    /// <param name="articleId">Carried into the result (the file name without extension, or the JSONL id).</param>
    /// <param name="text">The article text exactly as read; all offsets in the result index this string.</param>
    /// <param name="targets">Stance targets; when null or empty, each quote is scored toward the named entities it mentions.</param>
    /// <returns>The article's quotes, speakers and stance.</returns>
    ArticleResult Score(string articleId, string text, IReadOnlyList<StanceTarget>? targets = null);

    /// <summary>
    /// Scores many articles in parallel and yields their results in input order, each as soon as it and
    /// every article before it are done. The articles are read lazily, as the workers need them, so the
    /// input may be a stream of any length; enumerate the result once.
    /// </summary>
    /// <param name="articles">The articles to score.</param>
    /// <param name="targets">Stance targets for every article; when null or empty, each quote is scored toward the named entities it mentions.</param>
    /// <param name="maxParallelism">Articles scored at once. Default: null, meaning <see cref="Environment.ProcessorCount"/>.</param>
    /// <param name="cancellationToken">Stops the batch: enumeration throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>One result per article, in input order.</returns>
    /// <exception cref="ArticleScoringException">An article could not be scored (thrown while enumerating, after the results of the
    /// articles before it; the rest of the batch is abandoned). <see cref="TryScoreBatch"/> carries on instead.</exception>
    IEnumerable<ArticleResult> ScoreBatch(IEnumerable<ArticleText> articles, IReadOnlyList<StanceTarget>? targets = null,
        int? maxParallelism = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Like <see cref="ScoreBatch"/>, but an article that cannot be scored does not end the batch: its outcome carries
    /// the error, and the articles after it are scored. Parallel, lazy and in input order as <see cref="ScoreBatch"/> is.
    /// </summary>
    /// <param name="articles">The articles to score; each outcome holds the very object given.</param>
    /// <param name="targets">Stance targets for every article; when null or empty, each quote is scored toward the named entities it mentions.</param>
    /// <param name="maxParallelism">Articles scored at once. Default: null, meaning <see cref="Environment.ProcessorCount"/>.</param>
    /// <param name="cancellationToken">Stops the batch: enumeration throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>One outcome per article, in input order.</returns>
    /// <example>
    /// <code>
    /// foreach (var outcome in scorer.TryScoreBatch(articles))
    ///     if (outcome.Succeeded) Save(outcome.Result);
    ///     else Console.Error.WriteLine(outcome.Error.Message);
    /// </code>
    /// </example>
    IEnumerable<ArticleOutcome> TryScoreBatch(IEnumerable<ArticleText> articles, IReadOnlyList<StanceTarget>? targets = null,
        int? maxParallelism = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Scores an asynchronous stream of articles, up to <paramref name="maxParallelism"/> at once on the thread
    /// pool, and yields their results in input order. When the enumeration ends early (break, exception or
    /// cancellation), articles already started are waited for before it completes, so no work outlives it.
    /// </summary>
    /// <param name="articles">The articles to score.</param>
    /// <param name="targets">Stance targets for every article; when null or empty, each quote is scored toward the named entities it mentions.</param>
    /// <param name="maxParallelism">Articles scored at once. Default: null, meaning <see cref="Environment.ProcessorCount"/>.</param>
    /// <param name="cancellationToken">Stops reading and scoring: enumeration throws <see cref="OperationCanceledException"/>.</param>
    /// <returns>One result per article, in input order.</returns>
    /// <exception cref="ArticleScoringException">An article could not be scored (thrown while enumerating; the rest of the stream is abandoned).</exception>
    IAsyncEnumerable<ArticleResult> ScoreAsync(IAsyncEnumerable<ArticleText> articles, IReadOnlyList<StanceTarget>? targets = null,
        int? maxParallelism = null, CancellationToken cancellationToken = default);
}
