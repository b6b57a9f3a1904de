using System.Text;
using NewsStance.Tests.TestSupport;

namespace NewsStance.Tests;

public sealed class RobustnessTests
{
    private static void AssertOffsetsInside(string text, ArticleResult result)
    {
        foreach (var q in result.Quotes)
        {
            Assert.NotEmpty(q.ContentSpans);
            foreach (var s in q.ContentSpans) Assert.True(s.Start >= 0 && s.Start <= s.End && s.End <= text.Length, $"{s} outside 0..{text.Length}");
            if (q.Cue is { } c) Assert.True(c.Span.End <= text.Length && c.Text == c.Span.Of(text));
            if (q.Speaker is { } sp) Assert.True(sp.Span.End <= text.Length && sp.Mention == sp.Span.Of(text));
        }
    }

    [Fact]
    public void One_megabyte_article_completes_with_a_quote_per_paragraph()
    {
        // Given
        const string paragraph = "\"We will rebuild the harbour wall before the winter storms arrive,\" Mayor Ana Ruiz said on Tuesday.\n\n";
        var builder = new StringBuilder(" date 2023-11-02 RIVERTON (Sputnik) - The council met.\n\n");
        while (builder.Length < 1_000_000) builder.Append(paragraph);
        string text = builder.ToString();
        int paragraphs = (text.Length - text.IndexOf('"')) / paragraph.Length;

        // When
        var result = Articles.Score(text);

        // Then
        Assert.Equal(paragraphs, result.Quotes.Count);
        Assert.All(result.Quotes, q => Assert.Equal("Ana Ruiz", q.Speaker?.Name));
        var last = result.Quotes[^1];
        Assert.Equal("We will rebuild the harbour wall before the winter storms arrive", last.ContentSpans[0].Of(text));
        AssertOffsetsInside(text, result);
    }

    [Fact]
    public void Endless_sentence_of_frames_is_cut_and_every_piece_keeps_its_speaker()
    {
        // Given: 320 KB of "John Smith said " with no full stop or paragraph break
        var builder = new StringBuilder();
        while (builder.Length < 320_000) builder.Append("John Smith said ");
        string text = builder.ToString();

        // When
        var result = Articles.Score(text);

        // Then: a quote per cut sentence, each said by John Smith and holding the frames after it
        var article = Articles.Read(text);
        Assert.All(article.Sentences, s => Assert.True(s.TokenCount <= Internal.Reading.SentenceSplitter.MaxTokens));
        Assert.InRange(result.Quotes.Count, article.Sentences.Count - 1, article.Sentences.Count);
        Assert.All(result.Quotes, q => Assert.Equal("John Smith", q.Speaker?.Name));
        Assert.All(result.Quotes, q => Assert.StartsWith("John Smith said John Smith", q.Text));
        AssertOffsetsInside(text, result);
    }

    [Fact]
    public void Long_run_of_mixed_quote_marks_and_reporting_words_completes_with_offsets_inside()
    {
        // Given: 200 KB of quote marks of every style, reporting words, names and commas, in no order
        string[] parts = ["\"", "“", "”", "«", "»", "„", "''", " said ", " told ", " according to ", " warned that ", " Ana Ruiz ", " he ", ", ", ": ", " — ", " the plan would fail "];
        var random = new Random(5);
        var builder = new StringBuilder();
        while (builder.Length < 200_000) builder.Append(parts[random.Next(parts.Length)]);
        string text = builder.ToString();

        // When
        var result = Articles.Score(text);

        // Then
        Assert.NotEmpty(result.Quotes);
        AssertOffsetsInside(text, result);
        Assert.All(result.Quotes, q => Assert.All(q.ContentSpans, s => Assert.True(s.Length > 0)));
    }

    [Theory]
    [InlineData("\"\" \" \"\" \"\"\" \" , \" .\" “ ” « » „ \" ' '' `` '' \"")]
    [InlineData("He said \" \" and \" then \"")]
    [InlineData("\"\n\"\n\"\n\"\n\"")]
    [InlineData("” closing first “ then opening ” then ” again “")]
    [InlineData("'''''''''''''''''''''''' ``````````````` \"\"\"\"\"\"\"\"\"\"\"\"")]
    [InlineData("said said said: \" according to , according to \" — — — said")]
    public void Stray_quote_marks_do_not_break_the_scorer(string text)
    {
        // When
        var result = Articles.Score(text);

        // Then
        AssertOffsetsInside(text, result);
        Assert.All(result.Quotes, q => Assert.All(q.ContentSpans, s => Assert.True(s.Length > 0)));
    }

    [Fact]
    public void Stray_quote_marks_around_a_real_quote_leave_it_intact()
    {
        // Given
        const string text = "Stray ” marks ” here.\n\"We will rebuild the bridge by spring,\" Ana Ruiz said.\nMore \" stray.";

        // When
        var result = Articles.Score(text);

        // Then
        AssertOffsetsInside(text, result);
        var quote = Assert.Single(result.Quotes, q => q.Speaker?.Name == "Ana Ruiz");
        Assert.Equal(new[] { "We will rebuild the bridge by spring" }, Articles.Pieces(text, quote));
    }

    [Fact]
    public void Control_characters_are_tolerated_and_offsets_stay_exact()
    {
        // Given
        string text = "\u0001\u0002 Lars\u0000 Berg met \u0007 them. \u001b[0m\"We will balance the budget\u000b next year,\" Lars Berg said.\u000c\u0000";

        // When
        var result = Articles.Score(text);

        // Then
        AssertOffsetsInside(text, result);
        var quote = Assert.Single(result.Quotes);
        Assert.Equal(Articles.SpanOf(text, "We will balance the budget\u000b next year"), quote.ContentSpans[0]);
        Assert.Equal("Lars Berg", quote.Speaker?.Name);
    }

    [Fact]
    public void Random_binary_noise_does_not_throw()
    {
        // Given
        var random = new Random(12345);
        var chars = new char[20_000];
        for (int i = 0; i < chars.Length; i++)
            chars[i] = random.Next(10) switch
            {
                0 => '"', 1 => '“', 2 => '\n', 3 => '.', 4 => ' ', 5 => (char)random.Next(0, 32),
                6 => (char)random.Next(0xD800, 0xE000), // lone surrogates
                _ => (char)random.Next(32, 0x3000),
            };
        string text = new(chars);

        // When
        var result = Articles.Score(text);

        // Then
        AssertOffsetsInside(text, result);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("\r\n\r\n")]
    [InlineData("\t \u00a0 \u2003 \n")]
    public void Empty_and_whitespace_only_text_has_no_quotes(string text)
    {
        // When
        var result = Articles.Score(text);

        // Then
        Assert.Empty(result.Quotes);
        Assert.Null(result.Date);
        Assert.Null(result.Title);
    }

    [Theory]
    [InlineData(" date 2019-09-26")]
    [InlineData(" date 2019-09-26 MOSCOW (Sputnik) -")]
    [InlineData("MOSCOW (Sputnik) - ")]
    [InlineData("Headline Only\n\n")]
    public void Header_without_a_body_has_no_quotes(string text)
    {
        // When
        var result = Articles.Score(text);

        // Then
        Assert.Empty(result.Quotes);
    }
}
