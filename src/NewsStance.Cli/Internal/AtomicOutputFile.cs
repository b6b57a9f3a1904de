namespace NewsStance.Cli.Internal;

/// <summary>
/// The <c>--output</c> file, written all or nothing: output goes to a temporary file in the same
/// folder (so the rename cannot cross file systems) and replaces FILE only in <see cref="Commit"/>.
/// A run stopped by Ctrl+C, kill or a crash never leaves a partial FILE; an earlier FILE stays as it was.
/// </summary>
internal sealed class AtomicOutputFile : IDisposable
{
    private readonly FileStream _stream;
    private bool _committed;

    private AtomicOutputFile(string path, string temporaryPath, FileStream stream)
    {
        Path = path;
        TemporaryPath = temporaryPath;
        _stream = stream;
    }

    /// <summary>The file the output is for.</summary>
    public string Path { get; }

    /// <summary>Where the output is written until <see cref="Commit"/>: a hidden file beside <see cref="Path"/>.</summary>
    public string TemporaryPath { get; }

    /// <summary>The stream to write the output to.</summary>
    public Stream Stream => _stream;

    /// <summary>Opens the temporary file; throws <see cref="IOException"/> or <see cref="UnauthorizedAccessException"/> when the folder cannot be written.</summary>
    public static AtomicOutputFile Create(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (Directory.Exists(full)) throw new IOException("it is a folder");
        var folder = System.IO.Path.GetDirectoryName(full)!;
        var name = System.IO.Path.GetFileName(full);
        RemoveLeftovers(folder, name);
        var temporary = System.IO.Path.Combine(folder, $".{name}.{Environment.ProcessId}.partial");
        return new AtomicOutputFile(path, temporary, new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.Read));
    }

    /// <summary>
    /// Deletes the temporary files of earlier runs for the same FILE that were killed (kill -9 leaves
    /// them), so they do not pile up; one whose process still runs is left to it.
    /// </summary>
    private static void RemoveLeftovers(string folder, string name)
    {
        if (!Directory.Exists(folder)) return;
        foreach (var leftover in Directory.EnumerateFiles(folder, $".{name}.*.partial"))
        {
            var pid = System.IO.Path.GetFileName(leftover)[(name.Length + 2)..^".partial".Length];
            if (!int.TryParse(pid, out int id) || NewsStance.Internal.ProcessCheck.IsRunning(id)) continue;
            try { File.Delete(leftover); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    /// <summary>Flushes the output to disk and renames it over <see cref="Path"/>.</summary>
    public void Commit()
    {
        // Writers may have closed the stream already (which flushed it); otherwise make it durable first.
        if (_stream.CanWrite) _stream.Flush(flushToDisk: true);
        _stream.Dispose();
        File.Move(TemporaryPath, Path, overwrite: true);
        _committed = true;
    }

    /// <summary>Without <see cref="Commit"/>, removes the temporary file and leaves <see cref="Path"/> untouched.</summary>
    public void Dispose()
    {
        _stream.Dispose();
        if (_committed) return;
        try { File.Delete(TemporaryPath); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
    }
}
