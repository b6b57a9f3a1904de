using NewsStance.Internal.Models;

namespace NewsStance.Training.Models;

/// <summary>
/// Decides, before any training time is spent, whether a bundle may be written to <c>--output</c>:
/// a new or empty folder, or an existing bundle whose files the new one writes again (a retrain). It
/// refuses a folder that is not a bundle (its files are not ours to delete) and, without <c>--force</c>,
/// a bundle that would lose files. A stance-only bundle written over one with a speaker ranker keeps
/// the ranker, so training a stance model never costs the attribution.
/// </summary>
internal sealed class BundleTarget
{
    private BundleTarget(string directory, Manifest? existing) { Directory = directory; Existing = existing; }

    public string Directory { get; }

    /// <summary>The manifest of the bundle already there, or null.</summary>
    public Manifest? Existing { get; }

    /// <summary>The speaker ranker of the bundle already there, to carry into a stance-only bundle; null when there is none.</summary>
    public string? SpeakerToKeep => Existing?.Speaker is { } s && File.Exists(Path.Combine(Directory, s.File)) ? Path.Combine(Directory, s.File) : null;

    /// <param name="directory">The --output folder.</param>
    /// <param name="newFiles">The files the new bundle writes besides manifest.json.</param>
    /// <param name="keepSpeaker">True for a stance-only bundle: an existing speaker ranker is carried over, not lost.</param>
    /// <param name="force">Replace even when files would be lost.</param>
    /// <param name="error">Why the folder cannot be written, for people; null when it can.</param>
    public static BundleTarget? Check(string directory, IReadOnlyCollection<string> newFiles, bool keepSpeaker, bool force, out string? error)
    {
        error = null;
        if (File.Exists(directory)) { error = $"--output '{directory}' is a file; it takes the folder to write the bundle to."; return null; }
        if (!System.IO.Directory.Exists(directory) || !System.IO.Directory.EnumerateFileSystemEntries(directory).Any()) return new BundleTarget(directory, null);
        var manifestPath = Path.Combine(directory, ModelBundle.ManifestFile);
        if (!File.Exists(manifestPath))
        {
            error = $"--output '{directory}' is a folder that holds files but no {ModelBundle.ManifestFile}: it is not a model bundle, and nothing in it is replaced. Choose a new or empty folder.";
            return null;
        }
        Manifest existing;
        try { existing = Manifest.Read(manifestPath); }
        catch (Exception e) when (e is System.Text.Json.JsonException or IOException or InvalidDataException)
        {
            existing = new Manifest();
        }
        var target = new BundleTarget(directory, existing);
        var kept = new HashSet<string>(newFiles, StringComparer.Ordinal) { ModelBundle.ManifestFile };
        if (keepSpeaker && target.SpeakerToKeep is { } speaker) kept.Add(Path.GetFileName(speaker));
        var lost = System.IO.Directory.EnumerateFileSystemEntries(directory).Select(Path.GetFileName).OfType<string>()
            .Where(f => !kept.Contains(f)).Order(StringComparer.Ordinal).ToList();
        if (lost.Count > 0 && !force)
        {
            error = $"--output '{directory}' holds a bundle with {string.Join(", ", lost)}, which the new bundle would not have: nothing was trained or replaced. "
                + "Choose another --output, or pass --force to replace it anyway.";
            return null;
        }
        return target;
    }
}
