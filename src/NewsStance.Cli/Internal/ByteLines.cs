namespace NewsStance.Cli.Internal;

/// <summary>
/// Splits a stream into lines of bytes as it reads it, so a JSON Lines file of any size is never held
/// whole: each line (without its <c>\n</c>) comes with the byte offset where it starts.
/// </summary>
internal static class ByteLines
{
    private const int BufferSize = 1 << 16;

    public static IEnumerable<(byte[] Bytes, long Offset)> Read(Stream stream)
    {
        var buffer = new byte[BufferSize];
        var pending = new MemoryStream();
        long offset = 0, lineStart = 0;
        int n;
        while ((n = stream.Read(buffer, 0, buffer.Length)) > 0)
        {
            int start = 0, end;
            while ((end = Array.IndexOf(buffer, (byte)'\n', start, n - start)) >= 0)
            {
                pending.Write(buffer, start, end - start);
                yield return (pending.ToArray(), lineStart);
                pending.SetLength(0);
                start = end + 1;
                lineStart = offset + start;
            }
            pending.Write(buffer, start, n - start);
            offset += n;
        }
        if (pending.Length > 0) yield return (pending.ToArray(), lineStart);
    }
}

/// <summary>A read-only stream that returns <c>prefix</c> and then the rest of <c>rest</c>: what was peeked at, put back.</summary>
internal sealed class PrefixedStream(byte[] prefix, Stream rest) : Stream
{
    private int _at;

    public override int Read(byte[] buffer, int offset, int count)
    {
        if (_at < prefix.Length)
        {
            int n = Math.Min(count, prefix.Length - _at);
            Array.Copy(prefix, _at, buffer, offset, n);
            _at += n;
            return n;
        }
        return rest.Read(buffer, offset, count);
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
