using System.Text.Json;
using NewsStance.Internal.Models;
using NewsStance.Internal.Stance;
using NewsStance.Semantic;
using NewsStance.Training.Models;
using NewsStance.Training.Tests.Support;

namespace NewsStance.Training.Tests;

/// <summary>
/// <c>train-stance --features encoder-arcticxs</c>: the fine-tuned encoder, in a tiny configuration
/// (one layer of the packaged encoder, short inputs, one epoch) so it trains in seconds.
/// </summary>
public sealed class TrainEncoderStanceTests
{
    private static readonly EncoderTrainingOptions Tiny = new() { Layers = 1, Epochs = 1, MaxTokens = 32, BatchSize = 16, LearningRate = 1e-4f };

    private static TrainingResult TrainStance(string csv, string outDir, int seed = 7)
        => TrainingRun.Of(c => c.TrainStanceOnly(csv, outDir, seed, folds: 2, trainer: "sdca", skipBad: false, features: "encoder-arcticxs", encoder: Tiny));

    [Fact]
    public void Encoder_bundle_holds_only_what_training_changed_and_scores()
    {
        // Given
        using var folder = new TempFolder();
        var csv = folder.Write("stance.csv", StanceRows.Csv(StanceRows.Training()));
        var bundle = folder.PathOf("bundle");

        // When
        var result = TrainStance(csv, bundle);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["manifest.json", "stance-encoder.bin"], Directory.GetFiles(bundle).Select(Path.GetFileName).Order());
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "manifest.json")));
        var stance = manifest.RootElement.GetProperty("stance");
        Assert.Equal("encoder-arcticxs", stance.GetProperty("features").GetString());
        Assert.Equal("1", stance.GetProperty("feature_settings").GetProperty("layers").GetString());
        // One 384-wide layer (1.77 M weights) and the head in fp16: about 3.5 MB, no embedding tables (23 MB).
        Assert.InRange(new FileInfo(Path.Combine(bundle, "stance-encoder.bin")).Length, 3_000_000, 4_000_000);
        var loaded = ModelBundle.Load(bundle, [SemanticStanceModels.Instance]);
        var predictions = loaded.Stance!.Predict([
            new StanceInput(0, "The mayor praised the new park.", "the mayor", 0, 9, null),
            new StanceInput(0, "The mayor praised the new park.", "the new park", 18, 30, null),
            new StanceInput(1, "Taxes are theft, the senator said.", "the carbon tax", 0, 0, null),
        ]);
        Assert.Equal(3, predictions.Length);
        Assert.All(predictions, p => Assert.Contains(p.Label, new[] { "against", "favor", "neutral" }));
        Assert.All(predictions, p => Assert.Equal(1.0, p.Scores.Values.Sum(), 2));
    }

    [Fact]
    public void Same_seed_gives_the_same_encoder_bundle()
    {
        // Given
        using var folder = new TempFolder();
        var csv = folder.Write("stance.csv", StanceRows.Csv(StanceRows.Training()));

        // When
        TrainStance(csv, folder.PathOf("a"));
        TrainStance(csv, folder.PathOf("b"));

        // Then
        Assert.Equal(File.ReadAllBytes(folder.PathOf("a/stance-encoder.bin")), File.ReadAllBytes(folder.PathOf("b/stance-encoder.bin")));
    }

    [Fact]
    public void Truncated_encoder_file_is_refused_with_what_to_do()
    {
        // Given
        using var folder = new TempFolder();
        var csv = folder.Write("stance.csv", StanceRows.Csv(StanceRows.Training()));
        var bundle = folder.PathOf("bundle");
        TrainStance(csv, bundle);
        var file = Path.Combine(bundle, "stance-encoder.bin");
        var bytes = File.ReadAllBytes(file);
        File.WriteAllBytes(file, bytes[..(bytes.Length / 2)]);

        // When
        var error = Assert.Throws<ModelLoadException>(() => ModelBundle.Load(bundle, [SemanticStanceModels.Instance]));

        // Then
        Assert.Contains("stance-encoder.bin", error.Message);
        Assert.Contains("truncated", error.Message);
        Assert.Contains("Retrain", error.Message);
    }
}
