namespace NewsStance.Internal.Models;

/// <summary>
/// Writes a file of the user cache (<see cref="UserCacheFolder"/>) so that processes racing on it see no file or a
/// whole one: a temporary file beside it, then a rename. Temporary files a killed writer left behind are deleted first.
/// </summary>
internal static class CacheFileWriter
{
    /// <summary>How old a temporary file must be before it counts as left by a killed writer: a write takes well under a minute.</summary>
    public static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    /// <summary>Writes <paramref name="bytes"/> as <paramref name="path"/>; false (and nothing left behind) when that fails.</summary>
    public static bool TryWrite(string path, ReadOnlySpan<byte> bytes)
    {
        var copy = bytes.ToArray();
        return TryWrite(path, stream => stream.Write(copy));
    }

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
}
