using NewsStance.Training.Tests.Support;

namespace NewsStance.Training.Tests;

/// <summary>Same seed, same data, same model: what the README promises for the shipped bundle.</summary>
public sealed class ReproducibilityTests
{
    [Theory]
    [InlineData("ngram")]
    [InlineData("semantic-arcticxs")] // the shipped default: SDCA shuffles its cached rows with the seed
    public void Same_seed_and_data_give_the_same_predictions_twice(string features)
    {
        // Given two bundles trained from the same CSV with the same seed
        using var folder = new TempFolder();
        var train = folder.Write("train.csv", StanceRows.Csv(StanceRows.Training()));
        var eval = folder.Write("eval.csv", StanceRows.Csv([.. StanceRows.HeldOut(), .. StanceRows.Training().Take(12)]));
        foreach (var name in new[] { "first", "second" })
        {
            var trained = TrainingRun.Of(c => c.TrainStanceOnly(train, folder.PathOf(name), 5, folds: 2, trainer: "sdca", skipBad: false, features));
            Assert.Equal(0, trained.ExitCode);
        }

        // When
        var first = TrainingRun.Of(c => c.Evaluate(folder.PathOf("first"), eval, folder.PathOf("first.csv"), folder.PathOf("first.json")));
        var second = TrainingRun.Of(c => c.Evaluate(folder.PathOf("second"), eval, folder.PathOf("second.csv"), folder.PathOf("second.json")));

        // Then
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        Assert.Equal(File.ReadAllText(folder.PathOf("first.csv")), File.ReadAllText(folder.PathOf("second.csv")));
        Assert.Equal(File.ReadAllText(folder.PathOf("first.json")), File.ReadAllText(folder.PathOf("second.json")));
        Assert.Equal(22, File.ReadAllLines(folder.PathOf("first.csv")).Length);
    }

    [Fact]
    public void Same_data_gives_the_same_training_data_hash()
    {
        // Given
        using var folder = new TempFolder();
        var a = folder.Write("a/stance.csv", StanceRows.Csv(StanceRows.Training()));
        var b = folder.Write("b/stance.csv", StanceRows.Csv(StanceRows.Training()));
        var rows = StanceRows.Training();
        rows[0][5] = "neutral";
        var c = folder.Write("c/stance.csv", StanceRows.Csv(rows));

        // When
        var hashA = NewsStance.Training.Data.Corpus.Hash(Path.GetDirectoryName(a)!, [a]);
        var hashB = NewsStance.Training.Data.Corpus.Hash(Path.GetDirectoryName(b)!, [b]);
        var hashC = NewsStance.Training.Data.Corpus.Hash(Path.GetDirectoryName(c)!, [c]);

        // Then
        Assert.Equal(hashA, hashB);
        Assert.NotEqual(hashA, hashC);
    }
}
