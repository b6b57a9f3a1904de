using Microsoft.ML;
using NewsStance.Internal.Models;
using NewsStance.Semantic;

namespace NewsStance.Training.Models;

/// <summary>
/// Writes a model bundle atomically: everything goes to a temporary folder beside the target, which
/// then replaces it in one rename (on Linux one exchange of the two folders, so a bundle is always
/// there). A failed or killed run leaves the previous bundle untouched.
/// </summary>
internal static class BundleWriter
{
    public static void Write(string outDir, Manifest manifest, Action<string> writeFiles)
    {
        var full = Path.GetFullPath(outDir);
        var parent = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(parent);
        RemoveLeftovers(parent, Path.GetFileName(full));
        var temp = Path.Combine(parent, $".{Path.GetFileName(full)}.tmp-{Environment.ProcessId}");
        if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
        Directory.CreateDirectory(temp);
        try
        {
            writeFiles(temp);
            File.WriteAllText(Path.Combine(temp, ModelBundle.ManifestFile), manifest.ToJson() + "\n");
            // Check that what was written loads before it replaces anything.
            ModelBundle.Load(temp, [SemanticStanceModels.Instance]);
            if (Directory.Exists(full) && DirectoryExchange.TryExchange(temp, full))
            {
                // One step: the new bundle is in place and temp now holds the previous one.
                Directory.Delete(temp, recursive: true);
                return;
            }
            var old = full + ".old-" + Environment.ProcessId;
            if (Directory.Exists(full)) Directory.Move(full, old);
            Directory.Move(temp, full);
            if (Directory.Exists(old)) Directory.Delete(old, recursive: true);
        }
        catch
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            throw;
        }
    }

    /// <summary>
    /// Deletes the temporary folders of earlier runs for the same bundle that were killed (kill -9
    /// leaves them); one whose process still runs is left to it.
    /// </summary>
    private static void RemoveLeftovers(string parent, string name)
    {
        foreach (var leftover in Directory.EnumerateDirectories(parent, $".{name}.tmp-*"))
        {
            if (!int.TryParse(Path.GetFileName(leftover)[(name.Length + 6)..], out int id) || NewsStance.Internal.ProcessCheck.IsRunning(id)) continue;
            try { Directory.Delete(leftover, recursive: true); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException) { }
        }
    }

    public static void SaveModel(MLContext ml, ITransformer model, DataViewSchema schema, string path)
    {
        using var stream = File.Create(path);
        ml.Model.Save(model, schema, stream);
    }
}
