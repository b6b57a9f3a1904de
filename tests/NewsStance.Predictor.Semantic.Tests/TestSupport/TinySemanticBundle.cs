using Microsoft.ML;
using NewsStance.Internal.Models;

namespace NewsStance.Semantic.Tests.TestSupport;

/// <summary>
/// A real semantic bundle: a stance classifier over MiniLM sentence features only, trained here on a
/// dozen sentences written for the tests. Built once per test class.
/// </summary>
public sealed class TinySemanticBundle : IDisposable
{
    private readonly TempFolder _folder = new();

    public TinySemanticBundle()
    {
        var examples = MayorSentences.Labelled;
        var ml = new MLContext(seed: 1);
        var featurizer = new SemanticFeaturizer(SentenceEmbedder.Shared(SentenceModel.MiniLM));
        var rows = featurizer.Build(examples.Select(e => Input(e.Text, e.Label)).ToList());
        var data = ml.Data.LoadFromEnumerable(rows, SemanticStanceRow.Schema(featurizer.Size));
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Concatenate("Features", nameof(SemanticStanceRow.Semantic)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(maximumNumberOfIterations: 100))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var model = pipeline.Fit(data);
        ml.Model.Save(model, data.Schema, _folder.File("stance.zip"));
        _folder.Write(ModelBundle.ManifestFile, ManifestJson("semantic-minilm"));
    }

    public string Directory => _folder.Path;

    private static SemanticInput Input(string text, string label)
    {
        int at = text.IndexOf("the mayor", StringComparison.OrdinalIgnoreCase);
        return new SemanticInput(text, "the mayor", at, at + "the mayor".Length, "say", label);
    }

    /// <summary>A manifest in the bundle format for a stance-only bundle with these features.</summary>
    public static string ManifestJson(string features, string window = SemanticFeaturizer.WindowMethod, string? layers = null) => $$"""
        {
          "format_version": 1,
          "mlnet_version": "{{ModelBundle.MlNetVersion}}",
          "created_at": "2024-01-02T03:04:05+00:00",
          "seed": 1,
          "training_data_sha256": "test",
          "stance": { "file": "stance.zip", "labels": ["against", "favor", "neutral"], "trainer": "SdcaMaximumEntropy", "features": "{{features}}",
                      "feature_settings": { "semantic_window": "{{window}}"{{(layers is null ? "" : $", \"semantic_layers\": \"{layers}\"")}} } }
        }
        """;

    public void Dispose() => _folder.Dispose();
}
