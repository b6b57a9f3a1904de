using NewsStance.Cli.Tests.Support;

namespace NewsStance.Cli.Tests;

/// <summary>The command line itself: help and parallel scoring.</summary>
public sealed class CommandLineTests
{
    [Fact]
    public void Score_help_lists_every_option()
    {
        // Given
        string[] args = ["score", "--help"];

        // When
        var result = Newsstance.Run(args);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        foreach (var option in new[] { "<paths>", "--format <csv|html|jsonl|table>", "--output", "--model", "--rules-only", "--target", "--targets", "--threads" })
            Assert.Contains(option, result.Output);
    }

    [Fact]
    public void Parallel_scoring_keeps_input_order_and_gives_the_same_output_as_one_thread()
    {
        // Given twelve articles of different lengths, so they finish out of order
        using var dir = new TempFolder();
        for (int i = 0; i < 12; i++)
        {
            var body = string.Concat(Enumerable.Repeat(Articles.Plain.Split("\n\n", 2)[1], (i % 4) * 30 + 1));
            dir.Write($"in/article-{i:00}.txt", body);
        }

        // When
        var parallel = Newsstance.Run("score", "--rules-only", "--format", "jsonl", "--threads", "6", dir.PathOf("in"));
        var single = Newsstance.Run("score", "--rules-only", "--format", "jsonl", "--threads", "1", dir.PathOf("in"));

        // Then
        Assert.Equal(0, parallel.ExitCode);
        Assert.Equal(single.Output, parallel.Output);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => $"article-{i:00}"),
            Jsonl.Parse(parallel.Output).Select(a => a.GetProperty("article_id").GetString()));
    }

    [Fact]
    public void Version_shows_the_program_version_and_the_identity_of_the_default_bundle()
    {
        // Given the version set in Directory.Build.props, and the default bundle's manifest beside the program
        var version = typeof(NewsScorer).Assembly.GetName().Version!;
        var manifest = System.Text.Json.JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "models", "default", "manifest.json"))).RootElement;

        // When
        var result = Newsstance.Run("--version");

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith($"newsstance {version.ToString(3)}", result.Output);
        Assert.Contains($"model: default ({Path.Combine(AppContext.BaseDirectory, "models", "default")})", result.Output);
        Assert.Contains($"training data sha256 {manifest.GetProperty("training_data_sha256").GetString()![..12]}", result.Output);
        Assert.Contains($"stance: {manifest.GetProperty("stance").GetProperty("features").GetString()}", result.Output);
    }
}
