using NewsStance.Cli.Internal;
using NewsStance.Cli.Tests.Support;

namespace NewsStance.Cli.Tests;

/// <summary><c>--target "Name|alias"</c> and <c>--targets FILE</c> (spec/OUTPUT.md §4).</summary>
public sealed class TargetTests
{
    [Fact]
    public void Target_is_the_first_name_and_the_rest_are_aliases()
    {
        // Given
        string[] given = ["Nicolas Maduro| Maduro |the Venezuelan president", "Kremlin"];

        // When
        var targets = TargetList.Read(given, null);

        // Then
        Assert.Equal(2, targets.Count);
        Assert.Equal("Nicolas Maduro", targets[0].Name);
        Assert.Equal(["Maduro", "the Venezuelan president"], targets[0].Aliases);
        Assert.Equal("Kremlin", targets[1].Name);
        Assert.Empty(targets[1].Aliases);
    }

    [Fact]
    public void Targets_file_has_one_target_a_line_and_skips_comments_and_blank_lines()
    {
        // Given
        using var dir = new TempFolder();
        var file = dir.Write("targets.txt", "# who we follow\nNicolas Maduro|Maduro\n\n   \nJuan Guaido|Guaido|the opposition leader\r\n");

        // When
        var targets = TargetList.Read(["Kremlin"], file);

        // Then
        Assert.Equal(["Kremlin", "Nicolas Maduro", "Juan Guaido"], targets.Select(t => t.Name));
        Assert.Equal(["Guaido", "the opposition leader"], targets[2].Aliases);
    }

    [Theory]
    [InlineData("|")]
    [InlineData(" | | ")]
    [InlineData("")]
    public void Target_without_a_name_is_a_usage_error(string target)
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("a.txt", Articles.OneQuote);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", "--target", target, path);

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("newsstance: error: A target needs a name, as in \"Nicolas Maduro|Maduro\"", result.Error);
    }

    [Fact]
    public void Malformed_targets_file_is_a_usage_error_naming_file_and_line()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("a.txt", Articles.OneQuote);
        var targets = dir.Write("targets.txt", "# targets\nNicolas Maduro|Maduro\n | \nJuan Guaido\n");

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", "--targets", targets, path);

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains($"newsstance: error: {targets}:3: A target needs a name", result.Error);
    }

    [Fact]
    public void Missing_targets_file_is_a_usage_error()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("a.txt", Articles.OneQuote);
        var targets = dir.PathOf("no-targets.txt");

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", "--targets", targets, path);

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("newsstance: error: ", result.Error);
        Assert.Contains("no-targets.txt", result.Error);
    }
}
