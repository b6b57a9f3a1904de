using System.IO.Hashing;

namespace NewsStance.Internal.Models;

/// <summary>
/// Keeps what the C# scorers read out of a bundle's ML.NET models (the stance model's n-gram tables and weights,
/// the speaker ranker's trees) in the per-user cache folder, so a later process builds its scorers from a small file
/// in milliseconds and never loads ML.NET (reading the tables takes ML.NET about half a second of CPU, most of
/// <c>models/fast</c>'s start-up).
/// <para>
/// The file name is the key: what the file holds, a hash of the bundle file's content, the layout's version and the
/// ML.NET version the tables were read and checked with; a retrained bundle or a new layout gets a new file. The
/// file ends with a checksum of everything before it, checked on every read: a file that fails it, or does not
/// parse, counts as absent and is written again. Writers write a temporary file and rename it into place, so
/// processes that race see either no file or a whole one. When the folder cannot be written nothing is kept and
/// nothing is said: every process reads the tables from ML.NET, as without a cache.
/// </para>
/// </summary>
internal sealed class ModelCache(string? directory)
{
    private const int ChecksumBytes = sizeof(ulong);

    /// <summary>The per-user cache (<see cref="UserCacheFolder"/>).</summary>
    public static ModelCache Default { get; } = new(UserCacheFolder.Path);

    /// <summary>A cache that keeps nothing.</summary>
    public static ModelCache None { get; } = new(null);

    /// <summary>Where files are kept; null when nowhere.</summary>
    public string? Directory { get; } = directory;

    /// <summary>
    /// The cache file for <paramref name="kind"/> read from the bundle file <paramref name="sourcePath"/> in layout
    /// <paramref name="version"/>: <c>kind-hash-vN-mlnetX.bin</c>, the hash being the file content's (XXH128).
    /// </summary>
    public static string FileName(string sourcePath, string kind, int version)
    {
        using var file = File.OpenRead(sourcePath);
        var hash = new XxHash128();
        hash.Append(file);
        return $"{kind}-{Convert.ToHexStringLower(hash.GetCurrentHash())}-v{version}-mlnet{ModelBundle.MlNetVersion}.bin";
    }

    /// <summary>The value <paramref name="read"/> makes of the cached file's body; null when there is no sound file of that name.</summary>
    public T? TryRead<T>(string fileName, Func<BinaryReader, T> read) where T : class
    {
        if (Directory is null) return null;
        try
        {
            var path = Path.Combine(Directory, fileName);
            if (!File.Exists(path)) return null;
            var bytes = File.ReadAllBytes(path);
            if (bytes.Length < ChecksumBytes) return null;
            var body = bytes.AsSpan(0, bytes.Length - ChecksumBytes);
            if (XxHash3.HashToUInt64(body) != BitConverter.ToUInt64(bytes, body.Length)) return null;
            using var reader = new BinaryReader(new MemoryStream(bytes, 0, body.Length, writable: false));
            var value = read(reader);
            if (reader.BaseStream.Position != body.Length) return null;
            CacheFileWriter.MarkUsed(path);
            return value;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException or FormatException)
        {
            // Unreadable, or sound by its checksum and yet not parsable (a layout change without a version bump): absent.
            return null;
        }
    }

    /// <summary>Writes <paramref name="write"/>'s body and its checksum as <paramref name="fileName"/>; false (and nothing left behind) when that fails.</summary>
    public bool TryWrite(string fileName, Action<BinaryWriter> write)
    {
        if (Directory is null) return false;
        using var body = new MemoryStream();
        using (var writer = new BinaryWriter(body, System.Text.Encoding.UTF8, leaveOpen: true)) write(writer);
        var checksum = XxHash3.HashToUInt64(body.GetBuffer().AsSpan(0, (int)body.Length));
        body.Write(BitConverter.GetBytes(checksum));
        return CacheFileWriter.TryWrite(Path.Combine(Directory, fileName), body.GetBuffer().AsMemory(0, (int)body.Length));
    }
}
