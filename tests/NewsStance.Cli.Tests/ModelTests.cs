using System.Text.Json;
using NewsStance.Cli.Tests.Support;

namespace NewsStance.Cli.Tests;

/// <summary><c>--model DIR</c>: bundles that cannot be used are refused with what to do; a good one scores stance.</summary>
public sealed class ModelTests(StanceBundle bundle) : IClassFixture<StanceBundle>
{
    [Fact]
    public void Model_pointing_at_a_folder_that_is_not_a_bundle_is_a_usage_error_that_says_what_to_do()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("a.txt", Articles.OneQuote);
        var notBundle = dir.PathOf("articles");
        Directory.CreateDirectory(notBundle);

        // When
        var result = Newsstance.Run("score", "--model", notBundle, path);

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains($"newsstance: error: '{Path.Combine(notBundle, "manifest.json")}' is missing: '{notBundle}' is not a NewsStance model bundle.", result.Error);
        Assert.Contains("Retrain it with the training app (`newsstance-train train", result.Error);
        Assert.Contains("or set --model to another bundle", result.Error);
        Assert.DoesNotContain("ScorerOptions", result.Error);
    }

    [Fact]
    public void Model_folder_that_does_not_exist_is_a_usage_error()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("a.txt", Articles.OneQuote);
        var missing = dir.PathOf("no-model");

        // When
        var result = Newsstance.Run("score", "--model", missing, path);

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"Model folder '{missing}' does not exist.", result.Error);
    }

    [Fact]
    public void Manifest_that_is_not_json_is_a_usage_error()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("a.txt", Articles.OneQuote);
        dir.Write("model/manifest.json", "this is not json");

        // When
        var result = Newsstance.Run("score", "--model", dir.PathOf("model"), path);

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("manifest.json' is not valid JSON", result.Error);
    }

    [Fact]
    public void Bundle_without_its_stance_model_is_a_usage_error_naming_the_file()
    {
        // Given a copy of the trained bundle with stance.zip removed
        using var dir = new TempFolder();
        var path = dir.Write("a.txt", Articles.OneQuote);
        var model = dir.PathOf("model");
        Directory.CreateDirectory(model);
        File.Copy(Path.Combine(bundle.Directory, "manifest.json"), Path.Combine(model, "manifest.json"));

        // When
        var result = Newsstance.Run("score", "--model", model, path);

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"'{Path.Combine(model, "stance.zip")}' is missing from the bundle.", result.Error);
    }

    [Fact]
    public void Bundle_with_a_corrupt_stance_model_is_a_usage_error()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("a.txt", Articles.OneQuote);
        var model = dir.PathOf("model");
        Directory.CreateDirectory(model);
        File.Copy(Path.Combine(bundle.Directory, "manifest.json"), Path.Combine(model, "manifest.json"));
        dir.Write("model/stance.zip", "not a zip at all");

        // When
        var result = Newsstance.Run("score", "--model", model, path);

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("could not be loaded; the file is corrupt or not an ML.NET model", result.Error);
    }

    [Fact]
    public void Targets_given_are_scored_for_the_quotes_that_name_them()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("a.txt", Articles.ThreeSpeakers);

        // When
        var result = Newsstance.Run("score", "--model", bundle.Directory, "--format", "jsonl",
            "--target", "Nicolas Maduro|Maduro", "--target", "Trade Union|the union", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        var article = Jsonl.Single(result.Output);
        Jsonl.AssertFollowsSpec(article);
        Jsonl.AssertOffsetsMatch(article, Articles.ThreeSpeakers);
        var quotes = Jsonl.Quotes(article);
        Assert.Equal(3, quotes.Length);
        var stance = quotes.Select(q => q.GetProperty("stance").EnumerateArray().ToArray()).ToArray();
        Assert.Equal(["Nicolas Maduro"], stance[0].Select(s => s.GetProperty("target").GetString()));
        Assert.Equal(["Trade Union"], stance[1].Select(s => s.GetProperty("target").GetString()));
        Assert.Empty(stance[2]);
        Assert.Equal("favor", stance[0][0].GetProperty("label").GetString());
        Assert.Equal("against", stance[1][0].GetProperty("label").GetString());
        foreach (var s in stance[0].Concat(stance[1]))
        {
            Assert.Equal(["target", "label", "confidence", "scores"], Jsonl.Names(s));
            var scores = s.GetProperty("scores").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetDouble());
            Assert.Equal(["against", "favor", "neutral"], scores.Keys.Order());
            Assert.Equal(1.0, scores.Values.Sum(), 0.01);
            Assert.Equal(scores.Values.Max(), s.GetProperty("confidence").GetDouble());
            Assert.Equal(scores[s.GetProperty("label").GetString()!], s.GetProperty("confidence").GetDouble());
        }
    }

    [Fact]
    public void Targets_file_gives_the_same_stance_as_target_options()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("a.txt", Articles.ThreeSpeakers);
        var targets = dir.Write("targets.txt", "# people and groups\nNicolas Maduro|Maduro\n\nTrade Union|the union\n");

        // When
        var fromFile = Newsstance.Run("score", "--model", bundle.Directory, "--format", "jsonl", "--targets", targets, path);
        var fromOptions = Newsstance.Run("score", "--model", bundle.Directory, "--format", "jsonl",
            "--target", "Nicolas Maduro|Maduro", "--target", "Trade Union|the union", path);

        // Then
        Assert.Equal(0, fromFile.ExitCode);
        Assert.Equal(fromOptions.Output, fromFile.Output);
    }

    [Fact]
    public void Alias_matches_whole_words_only()
    {
        // Given: "Maduroville" must not match the alias "Maduro"
        const string text = "\"Maduroville deserves our full support and warm praise for the budget,\" Jane Miller said.\n";
        using var dir = new TempFolder();
        var path = dir.Write("a.txt", text);

        // When
        var result = Newsstance.Run("score", "--model", bundle.Directory, "--format", "jsonl", "--target", "Nicolas Maduro|Maduro", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        var quote = Assert.Single(Jsonl.Quotes(Jsonl.Single(result.Output)));
        Assert.Equal(0, quote.GetProperty("stance").GetArrayLength());
    }

    [Fact]
    public void Csv_has_one_row_per_quote_and_target()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("a.txt", Articles.ThreeSpeakers);

        // When
        var result = Newsstance.Run("score", "--model", bundle.Directory, "--format", "csv",
            "--target", "Nicolas Maduro|Maduro", "--target", "Jane Miller|Miller", "--target", "Trade Union|union", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        var rows = CsvText.Parse(result.Output).Skip(1).ToList();
        Assert.Equal([("0", "Nicolas Maduro"), ("1", "Trade Union"), ("2", "")], rows.Select(r => (r[1], r[13])));
        Assert.Equal(["favor", "against", ""], rows.Select(r => r[14]));
    }
}
