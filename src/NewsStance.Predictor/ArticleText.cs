namespace NewsStance;

/// <summary>An article to score: its id, carried into the result, and its text exactly as read.</summary>
/// <param name="Id">Carried into <see cref="ArticleResult.ArticleId"/> (the file name without extension, or the JSONL id).</param>
/// <param name="Text">The article text; all offsets in the result index this string.</param>
public sealed record ArticleText(string Id, string Text);
