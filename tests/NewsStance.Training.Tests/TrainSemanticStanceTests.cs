using System.Text.Json;
using NewsStance.Training.Tests.Support;

namespace NewsStance.Training.Tests;

/// <summary><c>train-stance --features semantic-minilm</c>, and <c>evaluate</c> with the bundle it writes.</summary>
public sealed class TrainSemanticStanceTests
{
    [Fact]
    public void Semantic_bundle_records_its_features_and_evaluates_held_out_rows()
    {
        // Given
        using var folder = new TempFolder();
        var csv = folder.Write("stance.csv", StanceRows.Csv(StanceRows.Training()));
        var heldOut = folder.Write("held-out.csv", StanceRows.Csv(StanceRows.HeldOut()));
        var bundle = folder.PathOf("bundle");
        var predictions = folder.PathOf("predictions.csv");

        // When
        var trained = TrainingRun.Of(c => c.TrainStanceOnly(csv, bundle, 7, folds: 2, trainer: "sdca", skipBad: false, features: "semantic-minilm"));
        var evaluated = TrainingRun.Of(c => c.Evaluate(bundle, heldOut, predictions, null));

        // Then
        Assert.True(trained.ExitCode == 0, trained.ToString());
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "manifest.json")));
        var stance = manifest.RootElement.GetProperty("stance");
        Assert.Equal("semantic-minilm", stance.GetProperty("features").GetString());
        Assert.Contains("MiniLM", stance.GetProperty("feature_settings").GetProperty("encoder").GetString());
        Assert.Equal("6", stance.GetProperty("feature_settings").GetProperty("semantic_layers").GetString()); // MiniLM's graph cannot be cut
        Assert.True(evaluated.ExitCode == 0, evaluated.ToString());
        var lines = File.ReadAllLines(predictions);
        Assert.Equal(["id", "label", "confidence", "score_against", "score_favor", "score_neutral"], lines[0].Split(',').Take(3).Concat(lines[0].Split(',').Skip(3).Order()));
        Assert.Equal(10, lines.Length);
        Assert.Contains("macro-F1 1.000", evaluated.Output);
    }

    [Fact]
    public void Encoder_layers_choose_the_layer_the_vectors_are_taken_after()
    {
        // Given
        using var folder = new TempFolder();
        var csv = folder.Write("stance.csv", StanceRows.Csv(StanceRows.Training()));
        var bundle = folder.PathOf("bundle");

        // When
        var trained = TrainingRun.Of(c => c.TrainStanceOnly(csv, bundle, 7, folds: 2, trainer: "sdca", skipBad: false, features: "semantic-arcticxs", semanticLayers: 2));
        var tooMany = TrainingRun.Of(c => c.TrainStanceOnly(csv, folder.PathOf("other"), 7, folds: 2, trainer: "sdca", skipBad: false, features: "semantic-arcticxs", semanticLayers: 9));
        var miniLmCut = TrainingRun.Of(c => c.TrainStanceOnly(csv, folder.PathOf("other"), 7, folds: 2, trainer: "sdca", skipBad: false, features: "semantic-minilm", semanticLayers: 3));

        // Then
        Assert.True(trained.ExitCode == 0, trained.ToString());
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "manifest.json")));
        Assert.Equal("2", manifest.RootElement.GetProperty("stance").GetProperty("feature_settings").GetProperty("semantic_layers").GetString());
        Assert.NotEqual(0, tooMany.ExitCode);
        Assert.Contains("--encoder-layers 9", tooMany.ToString());
        Assert.NotEqual(0, miniLmCut.ExitCode);
        Assert.Contains("cannot be cut", miniLmCut.ToString());
        Assert.False(Directory.Exists(folder.PathOf("other")));
    }

    [Fact]
    public void Unknown_features_are_a_usage_error_and_write_nothing()
    {
        // Given
        using var folder = new TempFolder();
        var csv = folder.Write("stance.csv", StanceRows.Csv(StanceRows.Training()));
        var bundle = folder.PathOf("bundle");

        // When
        var result = TrainingRun.Of(c => c.TrainStanceOnly(csv, bundle, 7, folds: 2, trainer: "sdca", skipBad: false, features: "semantic-gpt"));

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown features 'semantic-gpt'", result.Error);
        Assert.Contains("semantic-arcticxs", result.Error);
        Assert.False(Directory.Exists(bundle));
    }
}
