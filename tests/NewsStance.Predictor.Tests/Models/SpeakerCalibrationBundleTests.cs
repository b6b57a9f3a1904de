using System.Text.Json.Nodes;
using NewsStance.Internal.Models;
using NewsStance.Tests.Shared;

namespace NewsStance.Tests.Models;

/// <summary>The speaker section's calibration in manifest.json: used when present, today's softmax when absent.</summary>
public sealed class SpeakerCalibrationBundleTests : IDisposable
{
    private const string Text = "Tom Weller met Anna Berg in the town hall on Monday. \"The bridge will open in May,\" Berg said.";

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    /// <summary>A copy of models/fast whose speaker section's calibration is <paramref name="calibration"/> (none when null).</summary>
    private string Bundle(JsonObject? calibration)
    {
        foreach (var file in Directory.GetFiles(RepoModels.Fast))
            File.Copy(file, _folder.File(Path.GetFileName(file)));
        var manifest = JsonNode.Parse(File.ReadAllText(_folder.File(ModelBundle.ManifestFile)))!.AsObject();
        var speaker = manifest["speaker"]!.AsObject();
        speaker.Remove("calibration");
        if (calibration is not null) speaker["calibration"] = calibration;
        File.WriteAllText(_folder.File(ModelBundle.ManifestFile), manifest.ToJsonString());
        return _folder.Path;
    }

    private static double SpeakerConfidence(string bundle)
    {
        using var scorer = NewsScorer.Create(new ScorerOptions { ModelDirectory = bundle });
        return scorer.Score("bridge", Text).Quotes.Single().Speaker!.Confidence;
    }

    [Fact]
    public void Manifest_without_calibration_still_loads_and_keeps_the_softmax_confidence()
    {
        // Given
        var bundle = Bundle(calibration: null);

        // When
        var loaded = ModelBundle.Load(bundle);

        // Then
        Assert.NotNull(loaded.Speaker);
        Assert.Null(loaded.SpeakerCalibration);
        Assert.InRange(SpeakerConfidence(bundle), 0.0, 1.0);
    }

    [Fact]
    public void Calibration_in_the_manifest_sets_the_confidence()
    {
        // Given: every weight 0, so the confidence is the logistic of the bias
        var bundle = Bundle(new JsonObject
        {
            ["method"] = "platt", ["bias"] = -2.0,
            ["weights"] = new JsonObject { ["top_score"] = 0.0, ["margin"] = 0.0, ["single_candidate"] = 0.0 },
        });

        // When
        var loaded = ModelBundle.Load(bundle);

        // Then
        Assert.NotNull(loaded.SpeakerCalibration);
        Assert.Equal(Math.Round(1 / (1 + Math.Exp(2.0)), 3), SpeakerConfidence(bundle));
    }

    [Fact]
    public void Unknown_calibration_method_is_refused_with_how_to_retrain()
    {
        // Given
        var isotonic = Bundle(new JsonObject { ["method"] = "isotonic", ["bias"] = 0.0, ["weights"] = new JsonObject() });

        // When
        var e = Assert.Throws<ModelLoadException>(() => ModelBundle.Load(isotonic));

        // Then
        Assert.Contains("'isotonic'", e.Message);
        Assert.Contains("newsstance-train train", e.Message);
    }

    [Fact]
    public void Unknown_calibration_feature_is_refused()
    {
        // Given
        var odd = Bundle(new JsonObject { ["method"] = "platt", ["bias"] = 0.0, ["weights"] = new JsonObject { ["loudness"] = 1.0 } });

        // When
        var e = Assert.Throws<ModelLoadException>(() => ModelBundle.Load(odd));

        // Then
        Assert.Contains("loudness", e.Message);
    }
}
