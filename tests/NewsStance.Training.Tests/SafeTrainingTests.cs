using System.Text.Json;
using NewsStance.Training.Tests.Support;

namespace NewsStance.Training.Tests;

/// <summary>
/// Training cannot hurt: a bundle is written only where --output says, never over a folder that is not a
/// bundle or at the cost of its speaker ranker; data problems a person would want to know of are said.
/// </summary>
public sealed class SafeTrainingTests
{
    private static TrainingResult App(params string[] args) => TrainingRun.App(args);

    private static string[] StanceOnly(string csv, string output, params string[] more)
        => ["train-stance", "--data", csv, "--features", "ngram", "--folds", "2", .. output.Length == 0 ? Array.Empty<string>() : ["--output", output], .. more];

    private static Dictionary<string, byte[]> Snapshot(string dir)
        => Directory.GetFiles(dir, "*", SearchOption.AllDirectories).ToDictionary(f => Path.GetRelativePath(dir, f), File.ReadAllBytes);

    [Fact]
    public void Train_stance_without_output_writes_nothing_and_says_output_is_required()
    {
        // Given a folder with a models/default bundle beside the data
        using var folder = new TempFolder();
        var csv = folder.Write("mine.csv", StanceRows.Csv(StanceRows.Training()));
        var bundle = folder.Write("models/default/manifest.json", "{}");
        var before = Snapshot(folder.Path);

        // When
        var result = App("train-stance", "--data", csv);

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--output", result.Error);
        Assert.Contains("required", result.Error);
        Assert.Equal(before, Snapshot(folder.Path));
    }

    [Theory]
    [InlineData("--output")]
    [InlineData("--out")]
    [InlineData("-o")]
    public void Output_option_has_the_cli_name_and_its_aliases(string option)
    {
        // Given
        using var folder = new TempFolder();
        var csv = folder.Write("mine.csv", StanceRows.Csv(StanceRows.Training()));

        // When
        var result = App("train-stance", "--data", csv, "--features", "ngram", "--folds", "2", option, folder.PathOf("bundle"));

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(folder.PathOf("bundle/stance.zip")), result.ToString());
    }

    [Fact]
    public void Train_stance_over_a_full_bundle_keeps_its_speaker_ranker()
    {
        // Given a bundle with a speaker ranker
        using var folder = new TempFolder();
        var data = TrainingData.Good().Write(folder);
        var bundle = folder.PathOf("bundle");
        Assert.Equal(0, TrainingRun.Of(c => c.Train(data, bundle, 1, 2, "sdca", false, "ngram")).ExitCode);
        var speaker = File.ReadAllBytes(Path.Combine(bundle, "speaker.zip"));
        var csv = folder.Write("mine.csv", StanceRows.Csv(StanceRows.Training()));

        // When
        var result = App(StanceOnly(csv, bundle));

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("its speaker ranker was kept", result.Output);
        Assert.Equal(speaker, File.ReadAllBytes(Path.Combine(bundle, "speaker.zip")));
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "manifest.json")));
        Assert.Equal("speaker.zip", manifest.RootElement.GetProperty("speaker").GetProperty("file").GetString());
        using var scorer = NewsScorer.Create(new ScorerOptions { ModelDirectory = bundle });
        Assert.NotNull(scorer.Model!.SpeakerTrainer);
    }

    [Fact]
    public void Folder_that_is_not_a_bundle_is_never_replaced()
    {
        // Given
        using var folder = new TempFolder();
        var csv = folder.Write("mine.csv", StanceRows.Csv(StanceRows.Training()));
        folder.Write("notes/thesis.txt", "three years of work");
        var before = Snapshot(folder.PathOf("notes"));

        // When
        var result = App(StanceOnly(csv, folder.PathOf("notes"), "--force"));

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("is not a model bundle", result.Error);
        Assert.Equal(before, Snapshot(folder.PathOf("notes")));
    }

    [Fact]
    public void Bundle_that_would_lose_files_is_replaced_only_with_force()
    {
        // Given a bundle with a file the new one would not write
        using var folder = new TempFolder();
        var csv = folder.Write("mine.csv", StanceRows.Csv(StanceRows.Training()));
        var bundle = folder.PathOf("bundle");
        Assert.Equal(0, App(StanceOnly(csv, bundle)).ExitCode);
        folder.Write("bundle/metrics.csv", "f1\n0.5\n");
        var before = Snapshot(bundle);

        // When
        var refused = App(StanceOnly(csv, bundle));
        var unchanged = Snapshot(bundle);
        var forced = App(StanceOnly(csv, bundle, "--force"));

        // Then
        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("metrics.csv", refused.Error);
        Assert.Contains("--force", refused.Error);
        Assert.Equal(before, unchanged);
        Assert.Equal(0, forced.ExitCode);
        Assert.False(File.Exists(Path.Combine(bundle, "metrics.csv")));
    }

    [Fact]
    public void Exact_duplicate_rows_are_dropped_and_counted()
    {
        // Given
        using var folder = new TempFolder();
        var rows = StanceRows.Training();
        rows.Add([.. rows[0]]);
        rows.Add([.. rows[1]]);
        rows[^1][0] = "copy-of-t2";
        rows[^2][0] = "copy-of-t1";
        var csv = folder.Write("mine.csv", StanceRows.Csv(rows));

        // When
        var result = App(StanceOnly(csv, folder.PathOf("bundle")));

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("dropped 2 exact duplicate row(s)", result.Error);
        Assert.Contains("lines 62, 63", result.Error);
        using var manifest = JsonDocument.Parse(File.ReadAllText(folder.PathOf("bundle/manifest.json")));
        Assert.Equal(60, manifest.RootElement.GetProperty("stance").GetProperty("metrics").GetProperty("train_rows").GetDouble());
    }

    [Fact]
    public void Misspelt_label_is_warned_about_with_its_lines()
    {
        // Given two rows whose label is British spelling
        using var folder = new TempFolder();
        var rows = StanceRows.Training();
        rows[0][5] = "Favour";
        rows[3][5] = "favour";
        var csv = folder.Write("mine.csv", StanceRows.Csv(rows));

        // When
        var result = App(StanceOnly(csv, folder.PathOf("bundle")));

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"{csv}: label 'favour' (lines 2, 5) looks like a misspelling of 'favor'", result.Error);
        Assert.Contains("--labels against,favor,neutral", result.Error);
    }

    [Fact]
    public void Labels_option_makes_any_other_label_an_error_that_lists_the_set()
    {
        // Given
        using var folder = new TempFolder();
        var rows = StanceRows.Training();
        rows[0][5] = "Favour";
        var csv = folder.Write("mine.csv", StanceRows.Csv(rows));

        // When
        var result = App(StanceOnly(csv, folder.PathOf("bundle"), "--labels", "favor,against,neutral"));

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{csv}:2:6: unknown label 'Favour'; expected one of favor, against, neutral", result.Error);
        Assert.False(Directory.Exists(folder.PathOf("bundle")));
    }

    [Fact]
    public void Classes_with_few_rows_warn_that_fold_scores_are_unreliable()
    {
        // Given sixty rows, twenty per class
        using var folder = new TempFolder();
        var csv = folder.Write("mine.csv", StanceRows.Csv(StanceRows.Training()));

        // When
        var result = App(StanceOnly(csv, folder.PathOf("bundle")));

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("'against' has 20 rows, 'favor' has 20 rows, 'neutral' has 20 rows (fewer than 50): cross-validation scores on so few rows are unreliable", result.Error);
    }

    [Fact]
    public void Validate_checks_a_single_stance_csv()
    {
        // Given
        using var folder = new TempFolder();
        var rows = StanceRows.Training();
        rows[4][5] = "";
        rows.Add([.. rows[0]]);
        rows[^1][0] = "copy";
        var csv = folder.Write("mine.csv", StanceRows.Csv(rows));

        // When
        var result = App("validate", "--data", csv);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{csv}:6:6: empty stance label", result.Error);
        Assert.Contains("1 exact duplicate row(s) (line 62): training drops them", result.Error);
        Assert.Contains("60 stance rows (against 20, neutral 20, favor 19): 1 problem(s)", result.Output);
    }

    [Fact]
    public void Train_given_a_csv_file_points_to_train_stance()
    {
        // Given
        using var folder = new TempFolder();
        var csv = folder.Write("mine.csv", StanceRows.Csv(StanceRows.Training()));

        // When
        var result = App("train", "--data", csv, "--output", folder.PathOf("bundle"));

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"use train-stance --data {csv}", result.Error);
    }
}
