using System.Runtime.ExceptionServices;
using System.Text.Json;
using Microsoft.ML;
using NewsStance.Internal.Speakers;
using NewsStance.Internal.Stance;

namespace NewsStance.Internal.Models;

/// <summary>
/// A model folder: <c>manifest.json</c>, <c>speaker.zip</c> (FastTree ranking) and <c>stance.zip</c>
/// (multiclass). Loading checks the manifest's format and ML.NET versions and refuses, with a message
/// that says what to do, a missing file, a corrupt zip or a version it cannot read.
/// </summary>
internal sealed class ModelBundle
{
    public const string ManifestFile = "manifest.json";

    public required ModelInfo Info { get; init; }
    public required Manifest Manifest { get; init; }
    public ISpeakerScorer? Speaker { get; init; }
    /// <summary>The speaker confidence's calibration; null in bundles from before it.</summary>
    public SpeakerCalibration? SpeakerCalibration { get; init; }
    public IStanceModel? Stance { get; init; }

    /// <summary>The ML.NET package version (the assembly version is always 1.0.0.0, so read the informational one).</summary>
    public static string MlNetVersion { get; } =
        (typeof(MLContext).Assembly.GetCustomAttributes(typeof(System.Reflection.AssemblyInformationalVersionAttribute), false)
            .OfType<System.Reflection.AssemblyInformationalVersionAttribute>().FirstOrDefault()?.InformationalVersion ?? "0").Split('+')[0];

    /// <summary>
    /// Loads the bundle in <paramref name="directory"/>; a stance model outside the core comes from <paramref name="stanceModels"/>.
    /// The C# scorers' tables are kept in <paramref name="cache"/> (default <see cref="ModelCache.Default"/>).
    /// </summary>
    public static ModelBundle Load(string directory, IEnumerable<StanceModelProvider>? stanceModels = null, ModelCache? cache = null)
    {
        cache ??= ModelCache.Default;
        const string retrain = "Retrain it with the training app (`newsstance-train train`), or set ScorerOptions.ModelDirectory to another bundle folder.";
        if (!Directory.Exists(directory))
            throw new ModelLoadException($"Model folder '{directory}' does not exist. Set ScorerOptions.ModelDirectory to a bundle folder (one with {ManifestFile}).");
        var manifestPath = Path.Combine(directory, ManifestFile);
        if (!File.Exists(manifestPath))
            throw new ModelLoadException($"'{manifestPath}' is missing: '{directory}' is not a NewsStance model bundle. {retrain}");
        Manifest manifest;
        try { manifest = Manifest.Read(manifestPath); }
        catch (Exception e) when (e is JsonException or IOException)
        { throw new ModelLoadException($"'{manifestPath}' is not valid JSON ({e.Message}). {retrain}", e); }
        if (manifest.FormatVersion != Manifest.CurrentFormat)
            throw new ModelLoadException($"'{directory}' has bundle format {manifest.FormatVersion}; this NewsStance reads format {Manifest.CurrentFormat}. {retrain}");
        var major = manifest.MlNetVersion.Split('.')[0];
        if (major != MlNetVersion.Split('.')[0])
            throw new ModelLoadException($"'{directory}' was trained with ML.NET {manifest.MlNetVersion}; this build has {MlNetVersion}. {retrain}");

        // The speaker model loads on another core while the stance model does, each with its own MLContext:
        // start-up is a third of a batch of a thousand articles with models/fast (bench/README.md, issue 10).
        var speakerLoad = manifest.Speaker is { } sp
            ? Task.Run<ISpeakerScorer?>(() => LoadPart(directory, sp.File, retrain, path => FastTreeSpeakerScorer.Load(path, cache)))
            : Task.FromResult<ISpeakerScorer?>(null);
        IStanceModel? stance = null;
        SpeakerCalibration? calibration;
        try
        {
            calibration = manifest.Speaker is { } withCalibration ? ReadCalibration(manifestPath, withCalibration.Calibration, retrain) : null;
            if (manifest.Stance is { } st)
            {
                stance = st.Features == "ngram"
                    ? LoadPart(directory, st.File, retrain, path => MlStanceModel.Load(path, cache))
                    : LoadPart(directory, st.File, retrain, path => StanceExtensions.Load(st.Features, new MLContext(seed: 0), path, directory, stanceModels ?? []));
            }
        }
        catch (ModelLoadException)
        {
            // A broken speaker model is reported first, as when the parts loaded one after the other.
            try { speakerLoad.Wait(); }
            catch (AggregateException e) when (e.InnerException is ModelLoadException speakerError) { ExceptionDispatchInfo.Throw(speakerError); }
            throw;
        }
        ISpeakerScorer? speaker;
        try { speaker = speakerLoad.GetAwaiter().GetResult(); }
        catch (ModelLoadException) { (stance as IDisposable)?.Dispose(); throw; }
        var info = new ModelInfo(Path.GetFullPath(directory), manifest.FormatVersion, stance?.Labels ?? [],
            manifest.Stance?.Trainer ?? "", manifest.Speaker?.Trainer ?? "rules", manifest.CreatedAt);
        return new ModelBundle { Info = info, Manifest = manifest, Speaker = speaker, SpeakerCalibration = calibration, Stance = stance };
    }

    private static SpeakerCalibration? ReadCalibration(string manifestPath, Manifest.CalibrationSection? section, string retrain)
    {
        if (section is null) return null;
        if (section.Method != "platt")
            throw new ModelLoadException($"'{manifestPath}' calibrates speaker confidence by '{section.Method}'; this NewsStance knows only 'platt'. {retrain}");
        try { return new SpeakerCalibration(section.Bias, section.Weights); }
        catch (ArgumentException e) { throw new ModelLoadException($"'{manifestPath}': {e.Message}. {retrain}", e); }
    }

    private static T LoadPart<T>(string directory, string file, string retrain, Func<string, T> load)
    {
        var path = Path.Combine(directory, file);
        if (!File.Exists(path))
            throw new ModelLoadException($"'{path}' is missing from the bundle. {retrain}");
        try { return load(path); }
        catch (Exception e) when (e is not ModelLoadException)
        { throw new ModelLoadException($"'{path}' could not be loaded; the file is corrupt or not an ML.NET model ({e.GetType().Name}: {e.Message}). {retrain}", e); }
    }
}
