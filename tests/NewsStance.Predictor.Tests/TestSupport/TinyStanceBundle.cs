using Microsoft.ML;
using NewsStance.Internal.Models;
using NewsStance.Internal.Stance;

namespace NewsStance.Tests.TestSupport;

/// <summary>
/// A real, minimal model bundle: a stance classifier trained here on a dozen sentences written for the
/// tests, with no speaker model (so the rule scorer ranks speakers). Built once per test class.
/// </summary>
public sealed class TinyStanceBundle : IDisposable
{
    private readonly TempFolder _folder = new();

    public TinyStanceBundle()
    {
        var examples = MayorSentences.Labelled;
        var ml = new MLContext(seed: 1);
        var rows = examples.Select(e => StanceFeaturizer.Build(e.Text, "the mayor", -1, -1, "say", label: e.Label)).ToList();
        var data = ml.Data.LoadFromEnumerable(rows);
        var pipeline = ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("TextFeatures", nameof(StanceRow.Text)))
            .Append(ml.Transforms.Concatenate("Features", "TextFeatures", nameof(StanceRow.Polarity)))
            .Append(ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(maximumNumberOfIterations: 50))
            .Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));
        var model = pipeline.Fit(data);
        ml.Model.Save(model, data.Schema, _folder.File("stance.zip"));
        _folder.Write(ModelBundle.ManifestFile, ManifestJson());
    }

    public string Directory => _folder.Path;

    /// <summary>A manifest in the bundle format, with the fields a test wants changed.</summary>
    public static string ManifestJson(int formatVersion = 1, string? mlnetVersion = null, string stanceFile = "stance.zip",
        string features = "ngram", string? speakerFile = null) => $$"""
        {
          "format_version": {{formatVersion}},
          "mlnet_version": "{{mlnetVersion ?? ModelBundle.MlNetVersion}}",
          "created_at": "2024-01-02T03:04:05+00:00",
          "seed": 1,
          "training_data_sha256": "test",
          "stance": { "file": "{{stanceFile}}", "labels": ["against", "favor", "neutral"], "trainer": "SdcaMaximumEntropy", "features": "{{features}}" }
          {{(speakerFile is null ? "" : $", \"speaker\": {{ \"file\": \"{speakerFile}\", \"trainer\": \"FastTree\" }}")}}
        }
        """;

    public void Dispose() => _folder.Dispose();
}
