using System.Diagnostics.CodeAnalysis;

namespace NewsStance;

/// <summary>One article of a batch scored by <see cref="INewsScorer.TryScoreBatch"/>: its result, or why it could not be scored.</summary>
/// <param name="Article">The article as given: the same object, so a type derived from <see cref="ArticleText"/> carries the caller's data through.</param>
/// <param name="Result">What was found; null when scoring failed.</param>
/// <param name="Error">Why scoring failed; null when it succeeded.</param>
public sealed record ArticleOutcome(ArticleText Article, ArticleResult? Result, ArticleScoringException? Error)
{
    /// <summary>True when the article was scored: <see cref="Result"/> is set and <see cref="Error"/> is null.</summary>
    [MemberNotNullWhen(true, nameof(Result))]
    [MemberNotNullWhen(false, nameof(Error))]
    public bool Succeeded => Result is not null;
}
