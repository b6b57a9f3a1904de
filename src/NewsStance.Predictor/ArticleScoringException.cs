namespace NewsStance;

/// <summary>
/// One article of a batch or stream could not be scored. The scorer's own exception is the
/// <see cref="Exception.InnerException"/>; the message names the article.
/// </summary>
public sealed class ArticleScoringException : Exception
{
    /// <summary>Creates the exception for the article <paramref name="articleId"/>.</summary>
    /// <param name="articleId">The id of the article that failed.</param>
    /// <param name="inner">What went wrong.</param>
    public ArticleScoringException(string articleId, Exception inner)
        : base($"Article '{articleId}' could not be scored: {inner.GetType().Name}: {inner.Message}", inner)
        => ArticleId = articleId;

    /// <summary>The id of the article that could not be scored.</summary>
    public string ArticleId { get; }
}
