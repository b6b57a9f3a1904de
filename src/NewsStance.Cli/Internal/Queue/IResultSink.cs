namespace NewsStance.Cli.Internal.Queue;

/// <summary>Where a worker puts a scored article: the results queue, a JSON Lines file, or both.</summary>
internal interface IResultSink
{
    /// <summary>Completes only when the result is safe (confirmed by the broker, or on disk): then the article may be acknowledged.</summary>
    /// <param name="articleId">The article's id.</param>
    /// <param name="line">The spec/OUTPUT.md §2 JSON object, as <c>score --format jsonl</c> writes it, with its newline.</param>
    Task WriteAsync(string articleId, ReadOnlyMemory<byte> line);
}
