using System.Text.Json;
using NewsStance.Training.Tests.Support;

namespace NewsStance.Training.Tests;

/// <summary><c>train-stance</c>: a stance-only bundle from a user's CSV, written atomically.</summary>
public sealed class TrainStanceTests
{
    private static TrainingResult TrainStance(string csv, string outDir, bool skipBadRows = false, int seed = 7)
        => TrainingRun.Of(c => c.TrainStanceOnly(csv, outDir, seed, folds: 2, trainer: "sdca", skipBadRows, features: "ngram"));

    [Fact]
    public void Small_csv_trains_a_bundle_with_manifest_and_stance_model()
    {
        // Given
        using var folder = new TempFolder();
        var csv = folder.Write("stance.csv", StanceRows.Csv(StanceRows.Training()));
        var bundle = folder.PathOf("bundle");

        // When
        var result = TrainStance(csv, bundle);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("wrote", result.Output);
        Assert.Contains("3 labels: against, favor, neutral", result.Output);
        Assert.Equal(["manifest.json", "stance.zip"], Directory.GetFiles(bundle).Select(Path.GetFileName).Order());
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "manifest.json")));
        var root = manifest.RootElement;
        Assert.Equal(1, root.GetProperty("format_version").GetInt32());
        Assert.Equal(7, root.GetProperty("seed").GetInt32());
        Assert.Matches("^[0-9a-f]{64}$", root.GetProperty("training_data_sha256").GetString()!);
        var stance = root.GetProperty("stance");
        Assert.Equal(["against", "favor", "neutral"], stance.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        Assert.Equal("stance.zip", stance.GetProperty("file").GetString());
        Assert.Equal(60, stance.GetProperty("metrics").GetProperty("train_rows").GetDouble());
        Assert.InRange(stance.GetProperty("metrics").GetProperty("cv_macro_f1").GetDouble(), 0, 1);
        Assert.Equal(JsonValueKind.Null, root.GetProperty("speaker").ValueKind);
        Assert.Equal(["bundle"], Directory.GetDirectories(folder.Path).Select(Path.GetFileName)); // no temporary folder left behind
    }

    [Fact]
    public void Csv_with_a_bad_row_writes_no_bundle_and_says_what_to_do()
    {
        // Given
        using var folder = new TempFolder();
        var rows = StanceRows.Training();
        rows[10][5] = "";
        var csv = folder.Write("stance.csv", StanceRows.Csv(rows));
        var bundle = folder.PathOf("bundle");

        // When
        var result = TrainStance(csv, bundle);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{csv}:12:6: empty stance label", result.Error);
        Assert.Contains("nothing was written", result.Error);
        Assert.Contains("--skip-bad-rows", result.Error);
        Assert.False(Directory.Exists(bundle));
        Assert.Equal(["stance.csv"], Directory.GetFileSystemEntries(folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Failed_run_leaves_an_existing_bundle_untouched()
    {
        // Given a bundle trained from good data
        using var folder = new TempFolder();
        var good = folder.Write("good.csv", StanceRows.Csv(StanceRows.Training()));
        var bundle = folder.PathOf("models/bundle");
        Assert.Equal(0, TrainStance(good, bundle).ExitCode);
        var before = Snapshot(bundle);
        var bad = folder.Write("bad.csv", "text,stance\n\"broken quoting,favor\nfine,against\n,neutral\n");

        // When
        var result = TrainStance(bad, bundle);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("nothing was written", result.Error);
        Assert.Equal(before, Snapshot(bundle));
        Assert.Equal(["bundle"], Directory.GetDirectories(folder.PathOf("models")).Select(Path.GetFileName));
    }

    [Fact]
    public void Skip_bad_rows_trains_on_the_rest_and_says_how_many_were_skipped()
    {
        // Given three bad rows among the sixty, one problem each
        using var folder = new TempFolder();
        var rows = StanceRows.Training();
        rows[1][0] = rows[0][0];         // duplicate id
        rows[25][5] = "";                // empty label
        rows[40][3] = "999";             // target span outside the text
        var csv = folder.Write("stance.csv", StanceRows.Csv(rows));
        var bundle = folder.PathOf("bundle");

        // When
        var result = TrainStance(csv, bundle, skipBadRows: true);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("newsstance-train: warning: skipped 3 bad row(s)", result.Error);
        Assert.Contains($"{csv}:3:1: duplicate id 't1' (first on line 2)", result.Error);
        Assert.Contains($"{csv}:27:6: empty stance label", result.Error);
        Assert.Contains($"{csv}:42:4: target span", result.Error);
        Assert.True(File.Exists(Path.Combine(bundle, "stance.zip")));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "manifest.json")));
        Assert.Equal(57, manifest.RootElement.GetProperty("stance").GetProperty("metrics").GetProperty("train_rows").GetDouble());
    }

    [Fact]
    public void Skip_bad_rows_counts_a_row_with_two_problems_as_one_bad_row()
    {
        // Given one bad row (line 12) with two problems: empty text, so its target span is out of range too
        using var folder = new TempFolder();
        var rows = StanceRows.Training();
        rows[10][1] = "";
        var csv = folder.Write("stance.csv", StanceRows.Csv(rows));
        var bundle = folder.PathOf("bundle");

        // When
        var result = TrainStance(csv, bundle, skipBadRows: true);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"{csv}:12:2: empty text", result.Error);
        Assert.Contains($"{csv}:12:4: target span", result.Error);
        Assert.Contains("newsstance-train: warning: skipped 1 bad row(s)", result.Error);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "manifest.json")));
        Assert.Equal(59, manifest.RootElement.GetProperty("stance").GetProperty("metrics").GetProperty("train_rows").GetDouble());
    }

    [Fact]
    public void Too_few_groups_for_any_fold_prints_no_zero_scores_and_says_no_fold_was_evaluated()
    {
        // Given sixty good rows that all share one group, so no fold has both training and test rows
        using var folder = new TempFolder();
        var csv = folder.Write("stance.csv", CsvText.Of(
            StanceRows.Training().Select(r => new[] { r[1], r[5], "one-group" }).Prepend(["text", "stance", "group"])));
        var bundle = folder.PathOf("bundle");

        // When
        var result = TrainStance(csv, bundle);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("0.000 ± 0.000", result.Output);
        Assert.DoesNotContain("0.000 ± 0.000", result.Error);
        Assert.Contains("no fold could be evaluated", result.Output);
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "manifest.json")));
        var metrics = manifest.RootElement.GetProperty("stance").GetProperty("metrics");
        Assert.False(metrics.TryGetProperty("cv_macro_f1", out _));
        Assert.Equal(60, metrics.GetProperty("train_rows").GetDouble());
    }

    [Fact]
    public void Csv_with_a_single_label_is_refused()
    {
        // Given
        using var folder = new TempFolder();
        var csv = folder.Write("stance.csv", "text,stance\nGreat plan,favor\nLovely plan,favor\nFine plan,favor\n");
        var bundle = folder.PathOf("bundle");

        // When
        var result = TrainStance(csv, bundle);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("needs at least two different labels, found 1", result.Error);
        Assert.False(Directory.Exists(bundle));
    }

    [Fact]
    public void Missing_csv_or_unknown_trainer_is_a_usage_error()
    {
        // Given
        using var folder = new TempFolder();
        var missing = folder.PathOf("nope.csv");
        var csv = folder.Write("stance.csv", StanceRows.Csv(StanceRows.Training()));

        // When
        var noFile = TrainingRun.Of(c => c.TrainStanceOnly(missing, folder.PathOf("b1"), 1, 2, "sdca", false, "ngram"));
        var badTrainer = TrainingRun.Of(c => c.TrainStanceOnly(csv, folder.PathOf("b2"), 1, 2, "svm", false, "ngram"));

        // Then
        Assert.Equal(2, noFile.ExitCode);
        Assert.Contains($"'{missing}' does not exist", noFile.Error);
        Assert.Equal(2, badTrainer.ExitCode);
        Assert.Contains("unknown trainer 'svm'", badTrainer.Error);
        Assert.False(Directory.Exists(folder.PathOf("b1")));
        Assert.False(Directory.Exists(folder.PathOf("b2")));
    }

    private static Dictionary<string, string> Snapshot(string dir)
        => Directory.GetFiles(dir).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(File.ReadAllBytes(f)));
}
