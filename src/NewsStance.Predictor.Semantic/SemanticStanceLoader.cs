using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using NewsStance.Internal.Stance;

namespace NewsStance.Semantic;

/// <summary>
/// Loads the stance model of a bundle trained with <c>--features semantic-minilm</c> or
/// <c>semantic-arcticxs</c>, for <see cref="SemanticStanceModels"/>.
/// </summary>
internal static class SemanticStanceLoader
{
    /// <summary>
    /// Loads <paramref name="zipPath"/> (an ML.NET pipeline over n-gram and sentence-embedding features)
    /// with the sentence encoder that <paramref name="features"/> names.
    /// </summary>
    /// <param name="ml">The ML.NET context to load into.</param>
    /// <param name="zipPath">The bundle's <c>stance.zip</c>.</param>
    /// <param name="features">The manifest's <c>stance.features</c>: <c>semantic-minilm</c>, <c>semantic-arcticxs</c> or <c>semantic</c> (MiniLM).</param>
    /// <param name="bundleDirectory">The bundle folder, for messages.</param>
    /// <returns>The stance model, for NewsStance's scorer.</returns>
    /// <exception cref="ModelLoadException">The features are unknown, or the file is missing, corrupt or built for another encoder.</exception>
    public static IStanceModel Load(MLContext ml, string zipPath, string features, string bundleDirectory)
    {
        ArgumentNullException.ThrowIfNull(ml);
        const string retrain = "Retrain it with the training app (`newsstance-train train --features semantic-arcticxs --data FOLDER --out DIR`), or set ScorerOptions.ModelDirectory to another bundle.";
        var model = SentenceModel.ForFeatures(features)
            ?? throw new ModelLoadException($"'{bundleDirectory}' uses stance features '{features}'; {typeof(SemanticStanceLoader).Assembly.GetName().Name} knows {string.Join(", ", SentenceModel.FeatureNames)}.");
        if (!File.Exists(zipPath))
            throw new ModelLoadException($"'{zipPath}' is missing from the bundle. {retrain}");
        // The vectors are taken after the layer the bundle was trained with (all of them before the setting existed).
        var layersSetting = FeatureSetting(bundleDirectory, SemanticFeaturizer.LayersSetting);
        int layers = model.Layers;
        if (layersSetting is not null && !(int.TryParse(layersSetting, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out layers) && model.CanRun(layers)))
            throw new ModelLoadException($"'{bundleDirectory}' asks for the vectors after encoder layer '{layersSetting}' ({SemanticFeaturizer.LayersSetting}); {model.Name} gives them after {(model.CanKeepFewerLayers ? $"layers 1 to {model.Layers}" : $"its last layer ({model.Layers}) only")}. {retrain}");
        // The encoder's ONNX Runtime session is the longest step: it starts on another core while ML.NET reads
        // stance.zip and builds the first prediction engine.
        var encoder = Task.Run(() => SentenceEmbedder.Shared(model, layers));
        ITransformer transformer;
        DataViewSchema input;
        try { transformer = ml.Model.Load(zipPath, out input); }
        catch (Exception e)
        {
            throw new ModelLoadException($"'{zipPath}' could not be loaded; the file is corrupt or not an ML.NET model ({e.GetType().Name}: {e.Message}). {retrain}", e);
        }
        int size = SemanticFeaturizer.SizeFor(model);
        var column = input.GetColumnOrNull(nameof(SemanticStanceRow.Semantic));
        if (column is not { Type: VectorDataViewType { Size: var found } } || found != size)
            throw new ModelLoadException($"'{zipPath}' does not take the {size} {model.Features} features this version computes; it was trained with other features. {retrain}");
        if (FeatureSetting(bundleDirectory, "semantic_window") != SemanticFeaturizer.WindowMethod)
            throw new ModelLoadException($"'{bundleDirectory}' was trained by an earlier NewsStance that encoded the target's window as a text of its own; this version pools it from the quote's encoding, so the model would see features it was not trained on. {retrain}");
        SemanticFeaturizer Featurizer()
        {
            try { return new SemanticFeaturizer(encoder.GetAwaiter().GetResult()); }
            catch (Exception e)
            {
                throw new ModelLoadException($"The sentence encoder of '{bundleDirectory}' ({model.Package}) could not be started ({e.GetType().Name}: {e.Message}).", e);
            }
        }
        try { return SemanticStanceModel.FromTransformer(ml, transformer, size, Featurizer); }
        catch (Exception e) when (e is InvalidOperationException or ArgumentException or FormatException)
        {
            throw new ModelLoadException($"'{zipPath}' does not fit the semantic stance row ({e.Message}). {retrain}", e);
        }
    }

    /// <summary>The manifest's <c>stance.feature_settings.KEY</c>, or null.</summary>
    private static string? FeatureSetting(string bundleDirectory, string key)
    {
        try
        {
            using var json = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(bundleDirectory, "manifest.json")));
            return json.RootElement.TryGetProperty("stance", out var stance)
                && stance.TryGetProperty("feature_settings", out var settings)
                && settings.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String
                ? value.GetString() : null;
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
