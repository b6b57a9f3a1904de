using NewsStance.Internal.Reading;

namespace NewsStance.Tests.Reading;

public sealed class TokenizerTests
{
    private static (string Text, TokenKind Kind)[] Tokens(string text)
        => Tokenizer.Tokenize(text, [new TextSpan(0, text.Length)]).Select(t => (text[t.Start..t.End], t.Kind)).ToArray();

    [Fact]
    public void Abbreviations_keep_their_period_and_full_stops_stand_alone()
    {
        // Given
        const string text = "Mr. Kim left the U.S. at 9 a.m. today.";

        // When
        var tokens = Tokens(text).Select(t => t.Text);

        // Then
        Assert.Equal(new[] { "Mr.", "Kim", "left", "the", "U.S.", "at", "9", "a.m.", "today", "." }, tokens);
    }

    [Fact]
    public void Period_followed_at_once_by_a_letter_and_a_period_stays_inside_the_word()
    {
        // Given: a party-and-state tag and a degree, which no abbreviation list holds whole
        const string text = "Rep. Trey Gowdy (R-S.C.) and a Ph.D. student spoke.";

        // When
        var tokens = Tokens(text).Select(t => t.Text);

        // Then
        Assert.Equal(new[] { "Rep.", "Trey", "Gowdy", "(", "R-S.C.", ")", "and", "a", "Ph.D.", "student", "spoke", "." }, tokens);
    }

    [Fact]
    public void No_keeps_its_period_only_before_a_number()
    {
        // Given
        const string text = "He ranked No. 5 and said no.";

        // When
        var tokens = Tokens(text).Select(t => t.Text).ToArray();

        // Then
        Assert.Contains("No.", tokens);
        Assert.Equal(new[] { "no", "." }, tokens[^2..]);
    }

    [Fact]
    public void Apostrophes_inside_and_after_words_are_not_quote_marks()
    {
        // Given
        const string text = "The workers' union said it won't yield, and Kyiv’s mayor agreed.";

        // When
        var tokens = Tokens(text);

        // Then
        Assert.DoesNotContain(tokens, t => t.Kind == TokenKind.QuoteMark);
        Assert.Contains(("won't", TokenKind.Word), tokens);
        Assert.Contains(("Kyiv’s", TokenKind.Word), tokens);
    }

    [Fact]
    public void Straight_curly_and_angle_quotes_are_quote_mark_tokens()
    {
        // Given
        const string text = "\"One\" “two” «three» ''four''";

        // When
        var marks = Tokens(text).Where(t => t.Kind == TokenKind.QuoteMark).Select(t => t.Text);

        // Then
        Assert.Equal(new[] { "\"", "\"", "“", "”", "«", "»", "''", "''" }, marks);
    }

    [Fact]
    public void Numbers_with_separators_are_single_number_tokens()
    {
        // Given
        const string text = "It cost 1,250.75 dollars, up 3.5 percent.";

        // When
        var tokens = Tokens(text);

        // Then
        Assert.Contains(("1,250.75", TokenKind.Number), tokens);
        Assert.Contains(("3.5", TokenKind.Number), tokens);
        Assert.Equal((".", TokenKind.Punctuation), tokens[^1]);
    }

    [Fact]
    public void Hyphenated_words_stay_whole_and_dash_runs_are_one_token()
    {
        // Given
        const string text = "A well-known pro-Kremlin analyst -- and critic... spoke.";

        // When
        var tokens = Tokens(text).Select(t => t.Text).ToArray();

        // Then
        Assert.Contains("well-known", tokens);
        Assert.Contains("pro-Kremlin", tokens);
        Assert.Contains("--", tokens);
        Assert.Contains("...", tokens);
    }

    [Fact]
    public void Token_offsets_index_the_text_and_only_the_given_regions()
    {
        // Given
        const string text = "skip me | Read this part";
        var region = new TextSpan(text.IndexOf("Read", StringComparison.Ordinal), text.Length);

        // When
        var tokens = Tokenizer.Tokenize(text, [region]);

        // Then
        Assert.Equal(new[] { "Read", "this", "part" }, tokens.Select(t => text[t.Start..t.End]));
        Assert.All(tokens, t => Assert.True(region.Contains(t.Span)));
    }
}
