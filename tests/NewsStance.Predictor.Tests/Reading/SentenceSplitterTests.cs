using NewsStance.Internal.Reading;
using NewsStance.Tests.TestSupport;

namespace NewsStance.Tests.Reading;

public sealed class SentenceSplitterTests
{
    [Theory]
    [InlineData("Mr. Hale met Dr. Osei at the clinic.")]
    [InlineData("Gov. Ruiz and Sen. Park flew home together.")]
    [InlineData("The U.S. and U.N. envoys met in Geneva.")]
    [InlineData("The vote moved to Sept. 14 after a delay.")]
    [InlineData("Sales rose in Jan. after the holidays ended.")]
    [InlineData("The train left at 9 a.m. on Monday.")]
    [InlineData("She lives at No. 5 on the main street.")]
    [InlineData("Mass was held at St. Mary Church on Sunday.")]
    [InlineData("Bob Carter Jr. joined the board last year.")]
    [InlineData("Acme Inc. and Globex Corp. signed the deal.")]
    [InlineData("J. R. Smith spoke after the vote.")]
    public void Abbreviations_and_initials_do_not_end_a_sentence(string sentence)
    {
        // Given
        string text = sentence + " The talks then ended.";

        // When
        var article = Articles.Read(text);

        // Then
        Assert.Equal(2, article.Sentences.Count);
        Assert.Equal(sentence, article.TextOf(article.Sentences[0].Span));
        Assert.Equal("The talks then ended.", article.TextOf(article.Sentences[1].Span));
    }

    [Fact]
    public void Full_stops_question_and_exclamation_marks_end_sentences()
    {
        // Given
        const string text = "Prices rose again. Was it enough? Nobody knew! The market closed early.";

        // When
        var article = Articles.Read(text);

        // Then
        Assert.Equal(
            new[] { "Prices rose again.", "Was it enough?", "Nobody knew!", "The market closed early." },
            article.Sentences.Select(s => article.TextOf(s.Span)));
    }

    [Fact]
    public void Abbreviation_at_the_end_of_a_sentence_splits_before_a_clear_sentence_start()
    {
        // Given
        const string text = "The delegation flew to the U.S. The talks began at once.";

        // When
        var article = Articles.Read(text);

        // Then
        Assert.Equal(
            new[] { "The delegation flew to the U.S.", "The talks began at once." },
            article.Sentences.Select(s => article.TextOf(s.Span)));
    }

    [Fact]
    public void Quotation_and_its_attribution_stay_one_sentence()
    {
        // Given
        const string text = "\"We will win. We always do,\" he said. The crowd cheered.";

        // When
        var article = Articles.Read(text);

        // Then
        Assert.Equal(
            new[] { "\"We will win. We always do,\" he said.", "The crowd cheered." },
            article.Sentences.Select(s => article.TextOf(s.Span)));
    }

    [Fact]
    public void Closing_quote_after_full_stop_ends_the_sentence_before_a_new_one()
    {
        // Given
        const string text = "\"The bridge is closed.\" Engineers will inspect it on Monday.";

        // When
        var article = Articles.Read(text);

        // Then
        Assert.Equal(
            new[] { "\"The bridge is closed.\"", "Engineers will inspect it on Monday." },
            article.Sentences.Select(s => article.TextOf(s.Span)));
    }

    [Fact]
    public void Decimal_numbers_do_not_end_a_sentence()
    {
        // Given
        const string text = "Growth slowed to 2.5 percent in the third quarter. Exports fell.";

        // When
        var article = Articles.Read(text);

        // Then
        Assert.Equal(2, article.Sentences.Count);
        Assert.Equal("Growth slowed to 2.5 percent in the third quarter.", article.TextOf(article.Sentences[0].Span));
    }

    [Fact]
    public void Sentences_never_cross_paragraphs()
    {
        // Given
        const string text = "The vote was close\nThe count went on until midnight.";

        // When
        var article = Articles.Read(text);

        // Then
        Assert.Equal(2, article.Sentences.Count);
        Assert.Equal(0, article.Sentences[0].Paragraph);
        Assert.Equal(1, article.Sentences[1].Paragraph);
        Assert.Equal("The vote was close", article.TextOf(article.Sentences[0].Span));
    }

    [Fact]
    public void A_run_without_sentence_ends_is_cut_after_a_comma_before_it_grows_too_long()
    {
        // Given: 100 clauses of six words and a comma, no full stop (700 tokens)
        string text = string.Concat(Enumerable.Repeat("the council met again on Tuesday, ", 100));

        // When
        var article = Articles.Read(text);

        // Then: no sentence over the limit, each cut right after a comma, and together they cover the text
        Assert.True(article.Sentences.Count >= 3);
        Assert.All(article.Sentences, s => Assert.True(s.TokenCount <= SentenceSplitter.MaxTokens));
        Assert.All(article.Sentences.SkipLast(1), s => Assert.EndsWith("Tuesday,", article.TextOf(s.Span)));
        Assert.Equal(article.Tokens.Length, article.Sentences.Sum(s => s.TokenCount));
    }
}
