namespace NewsStance.Cli.Internal.Queue;

/// <summary>
/// Appends each result to a JSON Lines file and flushes it to disk before the article is acknowledged.
/// A worker killed mid-write can leave a torn last line: the next worker on the file starts a fresh
/// line after it, and readers (<c>collect</c>, <c>enqueue --skip-done</c>) skip it; its article was
/// never acknowledged, so it is scored again. One file per worker process.
/// </summary>
internal sealed class FileResultSink : IResultSink, IDisposable
{
    private readonly FileStream _stream;
    private readonly Lock _gate = new();

    private FileResultSink(FileStream stream) => _stream = stream;

    /// <summary>Opens <paramref name="path"/> for appending; throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/>.</summary>
    public static FileResultSink Open(string path)
    {
        var stream = new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        if (stream.Length > 0)
        {
            stream.Seek(-1, SeekOrigin.End);
            bool torn = stream.ReadByte() != '\n';
            if (torn) stream.WriteByte((byte)'\n');
        }
        stream.Seek(0, SeekOrigin.End);
        return new FileResultSink(stream);
    }

    public Task WriteAsync(string articleId, ReadOnlyMemory<byte> line)
    {
        lock (_gate)
        {
            _stream.Write(line.Span);
            _stream.Flush(flushToDisk: true);
        }
        return Task.CompletedTask;
    }

    public void Dispose() => _stream.Dispose();
}
