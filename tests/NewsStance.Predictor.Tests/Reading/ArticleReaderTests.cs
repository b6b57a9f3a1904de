using NewsStance.Tests.TestSupport;

namespace NewsStance.Tests.Reading;

public sealed class ArticleReaderTests
{
    [Fact]
    public void Wire_header_gives_date_dateline_and_body_offsets()
    {
        // Given
        const string text = " date 2020-02-11 ANKARA (Sputnik) - Turkish officials met their Russian counterparts on Tuesday. The talks lasted four hours.";

        // When
        var article = Articles.Read(text);

        // Then
        Assert.Equal("2020-02-11", article.Date);
        Assert.Equal("ANKARA (Sputnik)", article.Dateline);
        Assert.Null(article.Title);
        var body = Assert.Single(article.Paragraphs);
        Assert.Equal(Articles.SpanOf(text, "Turkish officials met their Russian counterparts on Tuesday. The talks lasted four hours."), body.Span);
        Assert.False(body.IsTitle);
    }

    [Fact]
    public void Wire_body_starts_after_the_dateline_dash()
    {
        // Given
        const string text = " date 2020-02-11 ANKARA (Sputnik) - Turkish officials met on Tuesday.";

        // When
        var article = Articles.Read(text);

        // Then
        var first = article.Tokens[0];
        Assert.Equal("Turkish", text[first.Start..first.End]);
        Assert.Equal(text.IndexOf("Turkish", StringComparison.Ordinal), article.Sentences[0].Span.Start);
    }

    [Fact]
    public void Byte_order_mark_before_the_wire_header_is_skipped_and_offsets_index_the_given_string()
    {
        // Given
        const string text = "\uFEFF date 2019-09-26 MOSCOW (Sputnik) - Russian officials met on Thursday. The talks lasted four hours.";

        // When
        var article = Articles.Read(text);

        // Then
        Assert.Equal("2019-09-26", article.Date);
        Assert.Equal("MOSCOW (Sputnik)", article.Dateline);
        var body = Assert.Single(article.Paragraphs);
        Assert.Equal(Articles.SpanOf(text, "Russian officials met on Thursday. The talks lasted four hours."), body.Span);
        var first = article.Tokens[0];
        Assert.Equal("Russian", text[first.Start..first.End]);
    }

    [Fact]
    public void Reuters_dateline_keeps_month_and_day()
    {
        // Given
        const string text = "WASHINGTON, Sept 3 (Reuters) - The Senate voted on Tuesday to extend the program.";

        // When
        var article = Articles.Read(text);

        // Then
        Assert.Null(article.Date);
        Assert.Equal("WASHINGTON, Sept 3 (Reuters)", article.Dateline);
        Assert.Equal(Articles.SpanOf(text, "The Senate voted on Tuesday to extend the program."), article.Paragraphs[0].Span);
    }

    [Fact]
    public void Em_dash_dateline_without_outlet_is_read()
    {
        // Given
        const string text = "LONDON — The mayor opened the new bridge on Monday.";

        // When
        var article = Articles.Read(text);

        // Then
        Assert.Equal("LONDON", article.Dateline);
        Assert.Equal(Articles.SpanOf(text, "The mayor opened the new bridge on Monday."), article.Paragraphs[0].Span);
    }

    [Fact]
    public void Dateline_opening_the_paragraph_after_the_headline_is_read()
    {
        // Given
        const string text = "Senate extends the program\n\nCOLUMBIA, S.C. (AP) — Governor Ana Ruiz met the mayors and said the roads would reopen.";

        // When
        var article = Articles.Read(text);

        // Then: the body paragraph, and so its first sentence, starts after the dateline
        Assert.Equal("Senate extends the program", article.Title);
        Assert.Equal("COLUMBIA, S.C. (AP)", article.Dateline);
        Assert.Equal(Articles.SpanOf(text, "Governor Ana Ruiz met the mayors and said the roads would reopen."), article.Paragraphs[1].Span);
    }

    [Fact]
    public void Capitalised_words_and_a_dash_in_a_later_paragraph_are_no_dateline()
    {
        // Given
        const string text = "Senate extends the program\n\nThe vote was close.\n\nNATO (the alliance) - not the Senate - met on Monday.";

        // When
        var article = Articles.Read(text);

        // Then
        Assert.Null(article.Dateline);
        Assert.Equal(Articles.SpanOf(text, "NATO (the alliance) - not the Senate - met on Monday."), article.Paragraphs[2].Span);
    }

    [Fact]
    public void Date_header_without_dateline_still_gives_the_date()
    {
        // Given
        const string text = " date 2018-06-30 The council met on Saturday to approve the budget.";

        // When
        var article = Articles.Read(text);

        // Then
        Assert.Equal("2018-06-30", article.Date);
        Assert.Null(article.Dateline);
        Assert.Equal(Articles.SpanOf(text, "The council met on Saturday to approve the budget."), article.Paragraphs[0].Span);
    }

    [Fact]
    public void Ordinary_sentence_with_a_dash_is_not_a_dateline()
    {
        // Given
        const string text = "The EU - and its allies - agreed on new rules for fishing quotas.";

        // When
        var article = Articles.Read(text);

        // Then
        Assert.Null(article.Dateline);
        Assert.Equal(new TextSpan(0, text.Length), article.Paragraphs[0].Span);
    }

    [Fact]
    public void Plain_title_followed_by_blank_line_becomes_the_title()
    {
        // Given
        const string text = "Farmers Rally Against New Water Tax\n\nHundreds of farmers gathered on Friday. They marched to the town hall.";

        // When
        var article = Articles.Read(text);

        // Then
        Assert.Equal("Farmers Rally Against New Water Tax", article.Title);
        Assert.Null(article.Date);
        Assert.Null(article.Dateline);
        Assert.Equal(2, article.Paragraphs.Count);
        Assert.True(article.Paragraphs[0].IsTitle);
        Assert.False(article.Paragraphs[1].IsTitle);
        Assert.Equal(Articles.SpanOf(text, "Hundreds of farmers gathered on Friday. They marched to the town hall."), article.Paragraphs[1].Span);
    }

    [Fact]
    public void First_line_without_blank_line_after_it_is_not_a_title()
    {
        // Given
        const string text = "Hundreds of farmers gathered on Friday.\nThey marched to the town hall.";

        // When
        var article = Articles.Read(text);

        // Then
        Assert.Null(article.Title);
        Assert.All(article.Paragraphs, p => Assert.False(p.IsTitle));
    }

    [Fact]
    public void First_line_of_two_sentences_before_a_blank_line_is_not_a_title()
    {
        // Given
        const string text = "Hundreds of farmers gathered on Friday. They marched to the town hall.\n\nThe council met them on the steps.";

        // When
        var article = Articles.Read(text);

        // Then
        Assert.Null(article.Title);
        Assert.Equal(2, article.Paragraphs.Count);
        Assert.All(article.Paragraphs, p => Assert.False(p.IsTitle));
        Assert.Equal(Articles.SpanOf(text, "Hundreds of farmers gathered on Friday. They marched to the town hall."), article.Paragraphs[0].Span);
    }

    [Fact]
    public void Crlf_text_offsets_index_the_original_string()
    {
        // Given
        const string text = "Budget Vote Delayed\r\n\r\nThe council met on Monday. The vote was moved.\r\nA second paragraph follows here.\r\n";

        // When
        var article = Articles.Read(text);

        // Then
        Assert.Equal("Budget Vote Delayed", article.Title);
        Assert.Equal(3, article.Paragraphs.Count);
        Assert.Equal(Articles.SpanOf(text, "The council met on Monday. The vote was moved."), article.Paragraphs[1].Span);
        Assert.Equal(Articles.SpanOf(text, "A second paragraph follows here."), article.Paragraphs[2].Span);
        Assert.All(article.Sentences, s => Assert.DoesNotContain('\r', article.TextOf(s.Span)));
        Assert.All(article.Tokens, t => Assert.False(char.IsWhiteSpace(text[t.Start])));
    }

    [Fact]
    public void Paragraphs_are_split_by_blank_lines_and_by_single_newlines()
    {
        // Given
        const string text = "The first paragraph ends here.\n\nThe second one is short.\nThe third follows on the next line.";

        // When
        var article = Articles.Read(text);

        // Then
        Assert.Equal(3, article.Paragraphs.Count);
        Assert.Equal(Articles.SpanOf(text, "The second one is short."), article.Paragraphs[1].Span);
        Assert.Equal(Articles.SpanOf(text, "The third follows on the next line."), article.Paragraphs[2].Span);
        Assert.Equal(new[] { 0, 1, 2 }, article.Sentences.Select(s => s.Paragraph));
    }

    [Fact]
    public void Blank_lines_made_of_spaces_and_tabs_separate_paragraphs_without_becoming_one()
    {
        // Given
        const string text = "Line one of the story.\n \t \nLine two of the story.";

        // When
        var article = Articles.Read(text);

        // Then
        Assert.Equal(2, article.Paragraphs.Count);
        Assert.Equal(Articles.SpanOf(text, "Line two of the story."), article.Paragraphs[1].Span);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\n\n\r\n\t")]
    public void Empty_or_blank_text_has_no_paragraphs(string text)
    {
        // When
        var article = Articles.Read(text);

        // Then
        Assert.Empty(article.Paragraphs);
        Assert.Empty(article.Sentences);
        Assert.Empty(article.Tokens);
        Assert.Null(article.Date);
        Assert.Null(article.Dateline);
        Assert.Null(article.Title);
    }

    [Fact]
    public void Sentence_and_token_ranges_cover_each_paragraph_in_order()
    {
        // Given
        const string text = " date 2022-01-05 OSLO (Sputnik) - Ships left the port. Crews waved.\nThe harbour closed at night.";

        // When
        var article = Articles.Read(text);

        // Then
        Assert.Equal(2, article.Paragraphs.Count);
        Assert.Equal(2, article.Paragraphs[0].SentenceCount);
        Assert.Equal(1, article.Paragraphs[1].SentenceCount);
        Assert.Equal(2, article.Paragraphs[1].FirstSentence);
        for (int i = 0; i < article.Sentences.Count; i++)
        {
            var s = article.Sentences[i];
            Assert.Equal(i, s.Index);
            Assert.Equal(article.Tokens[s.FirstToken].Start, s.Span.Start);
            Assert.Equal(article.Tokens[s.FirstToken + s.TokenCount - 1].End, s.Span.End);
        }
    }
}
