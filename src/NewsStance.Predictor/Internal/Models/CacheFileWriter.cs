namespace NewsStance.Internal.Models;

/// <summary>
/// Writes a file of the user cache (<see cref="UserCacheFolder"/>) so that processes racing on it see no file or a
/// whole one: a temporary file beside it, then a rename. Temporary files a killed writer left behind are deleted first,
/// and after a write the cache files of that folder unused for <see cref="UnusedAfter"/> (those of a retrained bundle,
/// of an older package or layout): readers <see cref="MarkUsed"/> what they read, so the cache does not grow for ever.
/// </summary>
internal static class CacheFileWriter
{
    /// <summary>How old a temporary file must be before it counts as left by a killed writer: a write takes well under a minute.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    /// <summary>How long a cache file may go unused before a later write beside it deletes it.</summary>
    public static readonly TimeSpan UnusedAfter = TimeSpan.FromDays(30);

    /// <summary>The kinds of file a sweep may delete: the caches' tables and graphs, and training checkpoints.</summary>
    private static readonly string[] SweptPatterns = ["*.bin", "*.onnx", "*.ckpt"];

    /// <summary>Records that <paramref name="path"/> was just used (its last write time, moved at most once a day), so sweeps keep it. Never throws.</summary>
    public static void MarkUsed(string path)
    {
        try
        {
            var now = DateTime.UtcNow;
            if (now - File.GetLastWriteTimeUtc(path) > TimeSpan.FromDays(1)) File.SetLastWriteTimeUtc(path, now);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>Writes <paramref name="bytes"/> as <paramref name="path"/>; false (and nothing left behind) when that fails.</summary>
    public static bool TryWrite(string path, ReadOnlyMemory<byte> bytes) => TryWrite(path, stream => stream.Write(bytes.Span));

    /// <summary>Writes what <paramref name="write"/> puts into the stream as <paramref name="path"/>; false (and nothing left behind) when that fails.</summary>
    public static bool TryWrite(string path, Action<Stream> write)
    {
        string temp = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            DeleteAbandonedTemporaryFiles(path);
            using (var file = new FileStream(temp, FileMode.CreateNew, FileAccess.Write)) write(file);
            File.Move(temp, path, overwrite: true);
            DeleteUnusedFiles(path);
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            try { File.Delete(temp); } catch (Exception d) when (d is IOException or UnauthorizedAccessException) { }
            return false;
        }
    }

    /// <summary>
    /// Deletes the temporary files of <paramref name="path"/> that a killed process left (an encoder graph's is ~59 MB);
    /// a fresh one may be another process's write in progress and is left alone. Never throws.
    /// </summary>
    private static void DeleteAbandonedTemporaryFiles(string path)
    {
        try
        {
            var folder = new DirectoryInfo(Path.GetDirectoryName(path)!);
            foreach (var file in folder.EnumerateFiles(Path.GetFileName(path) + ".*.tmp"))
                if (DateTime.UtcNow - file.LastWriteTimeUtc > AbandonedAfter) file.Delete();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }

    /// <summary>Deletes the cache files beside <paramref name="written"/> that nobody used for <see cref="UnusedAfter"/>. Never throws.</summary>
    private static void DeleteUnusedFiles(string written)
    {
        try
        {
            var folder = new DirectoryInfo(Path.GetDirectoryName(written)!);
            foreach (var pattern in SweptPatterns)
                foreach (var file in folder.EnumerateFiles(pattern))
                    if (DateTime.UtcNow - file.LastWriteTimeUtc > UnusedAfter)
                        try { file.Delete(); } catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
