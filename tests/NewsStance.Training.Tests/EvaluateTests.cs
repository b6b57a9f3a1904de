using System.Globalization;
using System.Text.Json;
using NewsStance.Training.Tests.Support;

namespace NewsStance.Training.Tests;

/// <summary><c>evaluate</c>: predictions one row per input, and metrics (spec/OUTPUT.md §5).</summary>
public sealed class EvaluateTests(TrainedBundle bundle) : IClassFixture<TrainedBundle>
{
    private static double Number(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    [Fact]
    public void Predictions_have_id_label_confidence_and_a_score_per_label_one_row_per_input()
    {
        // Given
        using var folder = new TempFolder();
        var heldOut = StanceRows.HeldOut();
        var csv = folder.Write("eval.csv", StanceRows.Csv(heldOut));
        var predictions = folder.PathOf("predictions.csv");

        // When
        var result = TrainingRun.Of(c => c.Evaluate(bundle.Directory, csv, predictions, null));

        // Then
        Assert.Equal(0, result.ExitCode);
        var rows = CsvText.Parse(File.ReadAllText(predictions));
        var header = rows[0];
        Assert.Equal(["id", "label", "confidence"], header[..3]);
        Assert.Equal(["score_against", "score_favor", "score_neutral"], header[3..].Order());
        Assert.Equal(heldOut.Select(r => r[0]), rows.Skip(1).Select(r => r[0]));
        foreach (var row in rows.Skip(1))
        {
            Assert.Equal(6, row.Length);
            Assert.Contains(row[1], new[] { "against", "favor", "neutral" });
            var scores = row[3..].Select(Number).ToArray();
            Assert.Equal(1.0, scores.Sum(), 0.001);
            Assert.Equal(scores.Max(), Number(row[2]));
            Assert.Equal(Number(row[2]), scores[Array.IndexOf(header, "score_" + row[1]) - 3]);
        }
    }

    [Fact]
    public void Clear_words_are_predicted_right_on_unseen_targets()
    {
        // Given
        using var folder = new TempFolder();
        var heldOut = StanceRows.HeldOut();
        var csv = folder.Write("eval.csv", StanceRows.Csv(heldOut));
        var predictions = folder.PathOf("predictions.csv");

        // When
        var result = TrainingRun.Of(c => c.Evaluate(bundle.Directory, csv, predictions, null));

        // Then
        Assert.Equal(0, result.ExitCode);
        var predicted = CsvText.Parse(File.ReadAllText(predictions)).Skip(1).Select(r => r[1]);
        Assert.Equal(heldOut.Select(r => r[5]), predicted);
    }

    [Fact]
    public void Json_metrics_hold_macro_f1_accuracy_per_class_and_confusion()
    {
        // Given
        using var folder = new TempFolder();
        var csv = folder.Write("eval.csv", StanceRows.Csv(StanceRows.HeldOut()));
        var json = folder.PathOf("metrics.json");

        // When
        var result = TrainingRun.Of(c => c.Evaluate(bundle.Directory, csv, null, json));

        // Then
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var m = doc.RootElement;
        Assert.Equal(9, m.GetProperty("rows").GetInt32());
        Assert.InRange(m.GetProperty("macro_f1").GetDouble(), 0.0, 1.0);
        Assert.InRange(m.GetProperty("accuracy").GetDouble(), 0.0, 1.0);
        Assert.Equal(["against", "favor", "neutral"], m.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
        foreach (var label in new[] { "against", "favor", "neutral" })
        {
            var c = m.GetProperty("per_class").GetProperty(label);
            Assert.Equal(3, c.GetProperty("support").GetInt32());
            Assert.InRange(c.GetProperty("f1").GetDouble(), 0.0, 1.0);
            Assert.True(c.TryGetProperty("precision", out _));
            Assert.True(c.TryGetProperty("recall", out _));
        }
        var confusion = m.GetProperty("confusion").EnumerateArray().Select(r => r.EnumerateArray().Select(x => x.GetInt32()).ToArray()).ToArray();
        Assert.Equal(3, confusion.Length);
        Assert.Equal(9, confusion.Sum(r => r.Sum()));
        Assert.All(confusion, r => Assert.Equal(3, r.Sum()));
        var printed = m.GetProperty("macro_f1").GetDouble().ToString("0.000", CultureInfo.InvariantCulture);
        var printedAccuracy = m.GetProperty("accuracy").GetDouble().ToString("0.000", CultureInfo.InvariantCulture);
        // The headline's figures stay on one line, whatever the width of the table below it.
        Assert.Contains($"macro-F1 {printed}, accuracy {printedAccuracy}", result.Output);
        Assert.Contains("confusion (rows gold, columns predicted)", result.Output);
    }

    [Fact]
    public void Label_only_the_model_predicts_still_counts_against_macro_f1()
    {
        // Given gold labels that are all favor, one of them on a sentence the model reads as against
        using var folder = new TempFolder();
        var csv = folder.Write("eval.csv",
            "id,text,stance\n"
            + "f1,The ministry deserves our full support and warm praise for the school reform.,favor\n"
            + "f2,The ministry must be condemned and firmly opposed over the school reform.,favor\n");
        var predictions = folder.PathOf("predictions.csv");
        var json = folder.PathOf("metrics.json");

        // When
        var result = TrainingRun.Of(c => c.Evaluate(bundle.Directory, csv, predictions, json));

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["favor", "against"], CsvText.Parse(File.ReadAllText(predictions)).Skip(1).Select(r => r[1]));
        using var doc = JsonDocument.Parse(File.ReadAllText(json));
        var m = doc.RootElement;
        Assert.True(m.GetProperty("macro_f1").GetDouble() < 1.0, $"macro_f1 is {m.GetProperty("macro_f1").GetDouble()}");
        Assert.Equal(0.5, m.GetProperty("accuracy").GetDouble(), 6);
        Assert.Equal(2, m.GetProperty("per_class").GetProperty("favor").GetProperty("support").GetInt32());
        Assert.Contains("against", m.GetProperty("labels").EnumerateArray().Select(l => l.GetString()));
    }

    [Fact]
    public void Rows_without_an_id_are_named_by_line_and_repeated_sentences_are_kept()
    {
        // Given
        using var folder = new TempFolder();
        var csv = folder.Write("eval.csv",
            "text,stance\n"
            + "The ministry deserves our full support and warm praise for the school reform.,favor\n"
            + "The ministry deserves our full support and warm praise for the school reform.,favor\n"
            + "The ministry must be condemned and firmly opposed over the school reform.,against\n");
        var predictions = folder.PathOf("predictions.csv");

        // When
        var result = TrainingRun.Of(c => c.Evaluate(bundle.Directory, csv, predictions, null));

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["row2", "row3", "row4"], CsvText.Parse(File.ReadAllText(predictions)).Skip(1).Select(r => r[0]));
    }

    [Fact]
    public void Bad_csv_is_reported_and_no_predictions_written()
    {
        // Given
        using var folder = new TempFolder();
        var csv = folder.Write("eval.csv", "id,text,stance\na,,favor\n");
        var predictions = folder.PathOf("predictions.csv");

        // When
        var result = TrainingRun.Of(c => c.Evaluate(bundle.Directory, csv, predictions, null));

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"{csv}:2:2: empty text", result.Error);
        Assert.False(File.Exists(predictions));
    }

    [Fact]
    public void Folder_that_is_not_a_bundle_is_a_usage_error_that_says_what_to_do()
    {
        // Given
        using var folder = new TempFolder();
        var notBundle = folder.PathOf("empty");
        Directory.CreateDirectory(notBundle);
        var csv = folder.Write("eval.csv", StanceRows.Csv(StanceRows.HeldOut()));

        // When
        var result = TrainingRun.Of(c => c.Evaluate(notBundle, csv, null, null));

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("manifest.json' is missing", result.Error);
        Assert.Contains("is not a NewsStance model bundle", result.Error);
        Assert.Contains("Retrain it with the training app (`newsstance-train train`)", result.Error);
    }

    [Fact]
    public void Missing_evaluation_csv_is_a_usage_error()
    {
        // Given
        using var folder = new TempFolder();
        var missing = folder.PathOf("nope.csv");

        // When
        var result = TrainingRun.Of(c => c.Evaluate(bundle.Directory, missing, null, null));

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"'{missing}' does not exist", result.Error);
    }

    [Fact]
    public void Without_model_the_bundle_comes_from_NEWSSTANCE_MODEL_as_in_the_cli()
    {
        // Given
        using var folder = new TempFolder();
        var csv = folder.Write("eval.csv", StanceRows.Csv(StanceRows.HeldOut()));
        var predictions = folder.PathOf("predictions.csv");
        var before = Environment.GetEnvironmentVariable("NEWSSTANCE_MODEL");

        // When
        TrainingResult result;
        try
        {
            Environment.SetEnvironmentVariable("NEWSSTANCE_MODEL", bundle.Directory);
            result = TrainingRun.App("evaluate", "--data", csv, "--predictions", predictions);
        }
        finally { Environment.SetEnvironmentVariable("NEWSSTANCE_MODEL", before); }

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(10, File.ReadAllLines(predictions).Length);
    }

    [Fact]
    public void Labelled_set_whose_text_spans_lines_with_commas_evaluates_every_row()
    {
        // Given: the held-out rows, one text broken over three lines full of commas, as a spreadsheet exports it
        using var folder = new TempFolder();
        var heldOut = StanceRows.HeldOut();
        heldOut[4][1] += "\nas the minister put it, twice,\n,,,,,\nmore, words, here";
        var csv = folder.Write("eval.csv", StanceRows.Csv(heldOut).Replace("\n", "\r\n"));
        var predictions = folder.PathOf("predictions.csv");

        // When
        var result = TrainingRun.Of(c => c.Evaluate(bundle.Directory, csv, predictions, null));

        // Then
        Assert.True(result.ExitCode == 0, result.ToString());
        Assert.Equal(heldOut.Select(r => r[0]), CsvText.Parse(File.ReadAllText(predictions)).Skip(1).Select(r => r[0]));
    }
}
