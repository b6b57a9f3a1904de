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
        => TrainingRun.Of(c => c.TrainStanceOnly(csv, outDir, seed, folds: 2, trainer: "sdca", skipBad: false, features: "encoder-arcticxs", encoder: Tiny with { CheckpointFolder = null }));

    // Three epochs of four batches, validation checks after batches 2 and 4 of each: interruptions land mid-epoch and at an epoch's end.
    private static Func<Commands, int> TrainWithCheckpoints(string csv, string outDir, string checkpoints, bool fresh = false)
        => c => c.TrainStanceOnly(csv, outDir, 7, folds: 2, trainer: "sdca", skipBad: false, features: "encoder-arcticxs",
            encoder: Tiny with { Epochs = 3, CheckpointFolder = checkpoints, Fresh = fresh });

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

    [Theory]
    [InlineData(1)] // stopped in the middle of the first epoch
    [InlineData(2)] // stopped at the end of the first epoch
    [InlineData(4)] // stopped in the middle of the second epoch
    public void Run_stopped_by_ctrl_c_resumes_to_the_bundle_an_uninterrupted_run_writes(int check)
    {
        // Given: an uninterrupted run, and a run stopped by Ctrl+C after its n-th validation check
        using var folder = new TempFolder();
        var csv = folder.Write("stance.csv", StanceRows.Csv(StanceRows.Training()));
        var whole = TrainingRun.Of(TrainWithCheckpoints(csv, folder.PathOf("whole"), folder.PathOf("checkpoints-whole")));
        Assert.True(whole.ExitCode == 0, whole.ToString());
        var stopped = TrainingRun.Interrupted(TrainWithCheckpoints(csv, folder.PathOf("resumed"), folder.PathOf("checkpoints")), "validation macro-F1", check);

        // Then: it wrote no bundle and says how to go on
        Assert.True(stopped.ExitCode == Commands.Interrupted, stopped.ToString());
        Assert.False(Directory.Exists(folder.PathOf("resumed")));
        Assert.Contains("checkpoint saved to", stopped.Error);
        Assert.Contains("Run the same command again to resume", stopped.Error);
        Assert.Single(Directory.GetFiles(folder.PathOf("checkpoints"), "*.ckpt"));

        // When: the same command runs again
        var resumed = TrainingRun.Of(TrainWithCheckpoints(csv, folder.PathOf("resumed"), folder.PathOf("checkpoints")));

        // Then: it went on from the checkpoint to the same bytes, and removed the checkpoint
        Assert.True(resumed.ExitCode == 0, resumed.ToString());
        Assert.Contains("resuming from the checkpoint", resumed.Error);
        Assert.Equal(File.ReadAllBytes(folder.PathOf("whole/stance-encoder.bin")), File.ReadAllBytes(folder.PathOf("resumed/stance-encoder.bin")));
        Assert.Empty(Directory.GetFiles(folder.PathOf("checkpoints"), "*.ckpt"));
        Assert.Empty(Directory.GetFiles(folder.PathOf("checkpoints-whole"), "*.ckpt"));
    }

    [Fact]
    public void Checkpoint_of_other_data_or_a_damaged_one_is_not_resumed()
    {
        // Given: a checkpoint left by a stopped run, then the data changed; and a damaged checkpoint
        using var folder = new TempFolder();
        var csv = folder.Write("stance.csv", StanceRows.Csv(StanceRows.Training()));
        var stopped = TrainingRun.Interrupted(TrainWithCheckpoints(csv, folder.PathOf("a"), folder.PathOf("checkpoints")), "validation macro-F1", 1);
        Assert.Equal(Commands.Interrupted, stopped.ExitCode);
        var other = folder.Write("other.csv", StanceRows.Csv(StanceRows.Training().Take(57)));
        var checkpoint = Directory.GetFiles(folder.PathOf("checkpoints"), "*.ckpt").Single();

        // When
        var otherRun = TrainingRun.Of(TrainWithCheckpoints(other, folder.PathOf("b"), folder.PathOf("checkpoints")));
        File.WriteAllBytes(checkpoint, File.ReadAllBytes(checkpoint)[..1000]);
        var damagedRun = TrainingRun.Of(TrainWithCheckpoints(csv, folder.PathOf("c"), folder.PathOf("checkpoints")));
        var plain = TrainingRun.Of(TrainWithCheckpoints(csv, folder.PathOf("d"), folder.PathOf("checkpoints-d")));

        // Then: other data starts afresh; the damaged file is named, ignored, and the run is the plain one
        Assert.True(otherRun.ExitCode == 0, otherRun.ToString());
        Assert.DoesNotContain("resuming", otherRun.Error);
        Assert.True(damagedRun.ExitCode == 0, damagedRun.ToString());
        Assert.Contains("ignoring the checkpoint", damagedRun.Error);
        Assert.Contains("truncated", damagedRun.Error);
        Assert.Equal(File.ReadAllBytes(folder.PathOf("d/stance-encoder.bin")), File.ReadAllBytes(folder.PathOf("c/stance-encoder.bin")));
    }

    [Fact]
    public void Fresh_starts_over_despite_a_checkpoint()
    {
        // Given
        using var folder = new TempFolder();
        var csv = folder.Write("stance.csv", StanceRows.Csv(StanceRows.Training()));
        Assert.Equal(Commands.Interrupted, TrainingRun.Interrupted(TrainWithCheckpoints(csv, folder.PathOf("a"), folder.PathOf("checkpoints")), "validation macro-F1", 3).ExitCode);

        // When
        var fresh = TrainingRun.Of(TrainWithCheckpoints(csv, folder.PathOf("a"), folder.PathOf("checkpoints"), fresh: true));

        // Then
        Assert.True(fresh.ExitCode == 0, fresh.ToString());
        Assert.DoesNotContain("resuming", fresh.Error);
        Assert.Empty(Directory.GetFiles(folder.PathOf("checkpoints"), "*.ckpt"));
    }
}
