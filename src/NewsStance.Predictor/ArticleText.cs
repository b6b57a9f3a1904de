namespace NewsStance;

/// <summary>
/// An article to score: its id, carried into the result, and its text exactly as read. Not sealed: an app may
/// derive a record that carries its own data (a source, a database key) through <see cref="INewsScorer.TryScoreBatch"/>,
/// whose <see cref="ArticleOutcome.Article"/> is the very object given.
/// </summary>
/// <param name="Id">Carried into <see cref="ArticleResult.ArticleId"/> (the file name without extension, or the JSONL id).</param>
/// <param name="Text">The article text; all offsets in the result index this string.</param>
public record ArticleText(string Id, string Text);
