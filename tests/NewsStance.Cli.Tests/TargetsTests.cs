using System.Text.Json;
using NewsStance.Cli.Tests.Support;

namespace NewsStance.Cli.Tests;

/// <summary><c>newsstance targets</c>: the people and organisations a batch names, to pick stance targets from.</summary>
public sealed class TargetsTests
{
    private const string Strike =
        "\"The board of the Northwind Group has ignored us for a year,\" union leader Ana Ruiz said in Velna on Monday.\n\n"
        + "Ruiz said that Tom Baker had broken every promise he made to the drivers.\n";

    private const string Talks =
        "Tom Baker said that Ana Ruiz was welcome at the talks in Valmont-sur-Rhone.\n\n"
        + "The meeting is planned for Friday, officials said.\n";

    private static (string A, string B) Write(TempFolder dir) => (dir.Write("strike.txt", Strike), dir.Write("talks.txt", Talks));

    [Fact]
    public void Targets_are_the_people_and_organisations_named_with_counts_and_no_places()
    {
        // Given
        using var dir = new TempFolder();
        var (a, b) = Write(dir);

        // When
        var result = Newsstance.Run("targets", "--format", "csv", a, b);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "target,kind,articles,mentions,in_quotes,aliases\n"
            + "Ana Ruiz,person,2,3,1,Ruiz\n"
            + "Tom Baker,person,2,2,1,\n"
            + "Northwind Group,organization,1,1,1,\n",
            result.Output);
    }

    [Fact]
    public void Min_articles_and_top_cut_the_list()
    {
        // Given
        using var dir = new TempFolder();
        var (a, b) = Write(dir);

        // When
        var result = Newsstance.Run("targets", "--format", "json", "--min-articles", "2", "--top", "1", a, b);

        // Then
        Assert.Equal(0, result.ExitCode);
        using var doc = JsonDocument.Parse(result.Output);
        var only = Assert.Single(doc.RootElement.EnumerateArray());
        Assert.Equal("Ana Ruiz", only.GetProperty("target").GetString());
        Assert.Equal(["Ruiz"], only.GetProperty("aliases").EnumerateArray().Select(x => x.GetString()));
    }

    [Fact]
    public void Targets_file_is_read_by_score()
    {
        // Given
        using var dir = new TempFolder();
        var (a, b) = Write(dir);
        var file = dir.PathOf("targets.txt");

        // When
        var listed = Newsstance.Run("targets", "--format", "targets", "-o", file, a, b);
        var scored = Newsstance.Run("score", "--rules-only", "--targets", file, a);

        // Then
        Assert.Equal(0, listed.ExitCode);
        Assert.Contains("Ana Ruiz|Ruiz", File.ReadAllLines(file));
        Assert.Equal(0, scored.ExitCode);
    }

    [Fact]
    public void Table_is_the_default_for_people()
    {
        // Given
        using var dir = new TempFolder();
        var (a, _) = Write(dir);

        // When
        var result = Newsstance.Run("targets", a);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("│ Ana Ruiz ", result.Output);
        Assert.Contains("In quotes", result.Output);
    }
}
