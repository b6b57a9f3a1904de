using NewsStance.Tests.TestSupport;

namespace NewsStance.Tests;

/// <summary>
/// Whole articles written for these tests (Fixtures/*.txt) against their expected quotes beside them
/// (Fixtures/*.expected: type | content pieces joined by " // " | speaker mention | speaker name | kind).
/// </summary>
public sealed class FixtureArticleTests
{
    private static string FixturePath(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static string[] Names() => Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Fixtures"), "*.txt")
        .Select(f => Path.GetFileNameWithoutExtension(f)).Order().ToArray();

    public static TheoryData<string> FixtureNames() => new(Names());

    [Fact]
    public void Every_fixture_has_its_expected_quotes()
    {
        // When
        var names = Names();

        // Then
        Assert.True(names.Length >= 3);
        Assert.All(names, n => Assert.True(File.Exists(FixturePath(n + ".expected")), $"{n}.expected is missing"));
    }

    [Theory]
    [MemberData(nameof(FixtureNames))]
    public void Fixture_article_gives_its_expected_quotes(string name)
    {
        // Given
        string text = File.ReadAllText(FixturePath(name + ".txt"));
        var expected = File.ReadAllLines(FixturePath(name + ".expected"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(" | "))
            .ToList();

        // When
        var result = Articles.Score(text, id: name);

        // Then
        Assert.Equal(name, result.ArticleId);
        var actual = result.Quotes.Select(q => new[]
        {
            q.Type.ToString().ToLowerInvariant(),
            string.Join(" // ", Articles.Pieces(text, q)),
            q.Speaker?.Mention ?? "",
            q.Speaker?.Name ?? "",
            q.Speaker?.Kind.ToString().ToLowerInvariant() ?? "",
        }).ToList();
        Assert.Equal(expected.Select(e => string.Join(" | ", e)), actual.Select(a => string.Join(" | ", a)));
        foreach (var q in result.Quotes)
            if (q.Speaker is { } s) Assert.Equal(s.Mention, s.Span.Of(text));
    }

    [Fact]
    public void Wire_fixture_reads_its_header()
    {
        // Given
        string text = File.ReadAllText(FixturePath("minsk-2021-04-12-border-talks.txt"));

        // When
        var result = Articles.Score(text, id: "minsk-2021-04-12-border-talks");

        // Then
        Assert.Equal(' ', text[0]);
        Assert.Equal("2021-04-12", result.Date);
        Assert.Equal("MINSK (Sputnik)", result.Dateline);
        Assert.Null(result.Title);
    }

    [Fact]
    public void Wire_fixture_direct_quote_has_exact_offsets_cue_and_role()
    {
        // Given
        string text = File.ReadAllText(FixturePath("minsk-2021-04-12-border-talks.txt"));

        // When
        var quote = Articles.Score(text).Quotes.Single(q => q.Type == QuoteType.Direct && q.Speaker?.Mention == "Glaz");

        // Then
        Assert.Equal(new[] { Articles.SpanOf(text, "We have always been open to an honest conversation with our neighbours, and this offer still stands") }, quote.ContentSpans);
        Assert.Equal(Articles.SpanOf(text, "Glaz told", 0), new TextSpan(quote.Speaker!.Span.Start, quote.Cue!.Span.End));
        Assert.Equal("told", quote.Cue.Text);
        Assert.Equal("Anatoly Glaz", quote.Speaker.Name);
        Assert.Equal("Belarusian Foreign Ministry spokesman", quote.Speaker.Role);
    }

    [Fact]
    public void Plain_fixture_reads_its_title()
    {
        // Given
        string text = File.ReadAllText(FixturePath("riverton-flood.txt"));

        // When
        var result = Articles.Score(text);

        // Then
        Assert.Equal("Riverton Braces for Second Flood Crest", result.Title);
        Assert.Null(result.Date);
        Assert.Null(result.Dateline);
        Assert.DoesNotContain(result.Quotes, q => q.ContentSpans.Any(s => s.Start < text.IndexOf('\n')));
    }
}
