using NewsStance.Tests.TestSupport;

namespace NewsStance.Tests;

/// <summary>
/// The attribution specs (Specs/*.md): short articles written for the tests, each with the quotes, cues and
/// speakers expected of it, checked against the rules-only scorer. New reporting constructions go there.
/// </summary>
public sealed class AttributionSpecTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var spec in AttributionSpec.All()) data.Add(spec.File, spec.Name);
        return data;
    }

    [Fact]
    public void Specs_are_found_and_every_case_has_an_article_and_a_table()
    {
        var all = AttributionSpec.All().ToList();
        Assert.True(all.Count >= 10, $"{all.Count} cases");
        Assert.All(all, s => Assert.False(string.IsNullOrWhiteSpace(s.Text), $"{s}: no article"));
        Assert.Equal(all.Count, all.Select(s => (s.File, s.Name)).Distinct().Count());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Article_gives_the_quotes_its_spec_expects(string file, string name)
    {
        // Given
        var spec = AttributionSpec.All().Single(s => s.File == file && s.Name == name);

        // When
        var result = Articles.Score(spec.Text);

        // Then
        var actual = result.Quotes.Select(q => string.Join(" | ",
            q.Type.ToString().ToLowerInvariant(),
            string.Join(" // ", Articles.Pieces(spec.Text, q)),
            q.Cue?.Text ?? "",
            q.Speaker?.Mention ?? "",
            q.Speaker?.Name ?? "",
            q.Speaker?.Kind.ToString().ToLowerInvariant() ?? "")).ToList();
        Assert.True(spec.Expected.Count == actual.Count && spec.Expected.Zip(actual).All(p => AttributionSpec.Matches(p.First, p.Second)),
            $"{spec}\nexpected:\n  {string.Join("\n  ", spec.Expected)}\nactual:\n  {string.Join("\n  ", actual)}");
    }
}
