namespace NewsStance.Tests;

public sealed class StanceTargetTests
{
    [Fact]
    public void Parse_takes_the_first_name_as_target_and_the_rest_as_aliases()
    {
        // When
        var target = StanceTarget.Parse("Nicolas Maduro|Maduro|the Venezuelan president");

        // Then
        Assert.Equal("Nicolas Maduro", target.Name);
        Assert.Equal(new[] { "Maduro", "the Venezuelan president" }, target.Aliases);
        Assert.Equal(new[] { "Nicolas Maduro", "Maduro", "the Venezuelan president" }, target.AllNames);
    }

    [Fact]
    public void Parse_trims_names_and_drops_empty_ones()
    {
        // When
        var target = StanceTarget.Parse("  Ana Ruiz | | the mayor |");

        // Then
        Assert.Equal("Ana Ruiz", target.Name);
        Assert.Equal(new[] { "the mayor" }, target.Aliases);
    }

    [Fact]
    public void Parse_of_a_single_name_has_no_aliases()
    {
        // When
        var target = StanceTarget.Parse("NATO");

        // Then
        Assert.Equal("NATO", target.Name);
        Assert.Empty(target.Aliases);
    }

    [Theory]
    [InlineData("")]
    [InlineData("  ")]
    [InlineData("| |")]
    public void Parse_without_a_name_fails_with_an_example(string text)
    {
        // When
        var e = Assert.Throws<FormatException>(() => StanceTarget.Parse(text));

        // Then
        Assert.Contains("Nicolas Maduro|Maduro", e.Message);
    }
}
