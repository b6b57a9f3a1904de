using NewsStance.Tests.TestSupport;

namespace NewsStance.Tests.Quotes;

/// <summary>Quote finding, driven through the public scorer with rules only (no model bundle needed).</summary>
public sealed class QuoteFinderTests
{
    // ---- direct quotes ---------------------------------------------------------------------------

    [Fact]
    public void Split_direct_quote_keeps_both_halves()
    {
        // Given
        const string text = "\"The bridge is unsafe,\" Mayor Ana Ruiz said, \"and we will close it on Monday.\"";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(QuoteType.Direct, quote.Type);
        Assert.Equal(
            new[] { Articles.SpanOf(text, "The bridge is unsafe"), Articles.SpanOf(text, "and we will close it on Monday.") },
            quote.ContentSpans);
        Assert.Equal("The bridge is unsafe and we will close it on Monday.", quote.Text);
        Assert.Equal(Articles.SpanOf(text, "said"), quote.Cue?.Span);
        Assert.Equal("Mayor Ana Ruiz", quote.Speaker?.Mention);
        Assert.Equal("Ana Ruiz", quote.Speaker?.Name);
    }

    [Fact]
    public void Split_quote_with_pronoun_attribution_is_one_quote()
    {
        // Given
        const string text = "Ana Ruiz arrived at noon. \"It is over,\" she said, \"and we all go home now.\"";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(new[] { "It is over", "and we all go home now." }, Articles.Pieces(text, quote));
        Assert.Equal("she", quote.Speaker?.Mention);
        Assert.Equal("Ana Ruiz", quote.Speaker?.Name);
    }

    [Fact]
    public void Split_quote_around_a_role_with_the_name_in_apposition_is_one_direct_quote()
    {
        // Given: the attribution between the halves is a post-modified speaker, "the operator's director, Bernard Lacombe,"
        const string text = "Bus drivers walked out on Monday.\n\n"
            + "\"We understand the frustration,\" the operator's director, Bernard Lacombe, said, \"but the timetable cannot change before summer.\"";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then: one direct quote of two spans; the attribution is no part of it
        Assert.Equal(QuoteType.Direct, quote.Type);
        Assert.Equal(new[] { "We understand the frustration", "but the timetable cannot change before summer." }, Articles.Pieces(text, quote));
        Assert.Equal("Bernard Lacombe", quote.Speaker?.Name);
        Assert.Equal("said", quote.Cue?.Text);
    }

    [Fact]
    public void Coordinated_clause_with_its_own_speaker_and_reporting_verb_is_a_quote_of_its_own()
    {
        // Given
        const string text = "Deputy mayor Claire Fontaine told local radio that the council would discuss the matter in October, "
            + "and she described the drivers' demands as \"perfectly reasonable\".";

        // When
        var quotes = Articles.Score(text).Quotes;

        // Then
        Assert.Equal(2, quotes.Count);
        Assert.Equal(new[] { "the council would discuss the matter in October" }, Articles.Pieces(text, quotes[0]));
        Assert.Equal(("told", "Claire Fontaine"), (quotes[0].Cue?.Text, quotes[0].Speaker?.Name));
        Assert.Equal(QuoteType.Mixed, quotes[1].Type);
        Assert.Equal(new[] { "the drivers' demands as \"perfectly reasonable\"" }, Articles.Pieces(text, quotes[1]));
        Assert.Equal(("described", "she", "Claire Fontaine"), (quotes[1].Cue?.Text, quotes[1].Speaker?.Mention, quotes[1].Speaker?.Name));
    }

    [Fact]
    public void Addressee_and_its_infinitive_are_the_reported_content()
    {
        // Given
        const string text = "The vote is near. Officials urged Congress to leave the program intact.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        AssertIndirect(quote, "urged", "Officials");
        Assert.Equal(new[] { "Congress to leave the program intact" }, Articles.Pieces(text, quote));
    }

    [Fact]
    public void Second_reporting_verb_of_the_same_subject_starts_a_quote_of_its_own()
    {
        // Given
        const string text = "Mayor Ana Ruiz said the plan was reckless and added that the council would vote again in May.";

        // When
        var quotes = Articles.Score(text).Quotes;

        // Then
        Assert.Equal(2, quotes.Count);
        Assert.Equal(new[] { "the plan was reckless" }, Articles.Pieces(text, quotes[0]));
        Assert.Equal(new[] { "the council would vote again in May" }, Articles.Pieces(text, quotes[1]));
        Assert.Equal(("said", "added"), (quotes[0].Cue?.Text, quotes[1].Cue?.Text));
        Assert.All(quotes, q => Assert.Equal("Ana Ruiz", q.Speaker?.Name));
    }

    [Fact]
    public void Subordinate_clause_with_its_own_speaker_is_not_part_of_the_content()
    {
        // Given
        const string text = "Union leaders urged the council to keep the night buses, although they say they accept some of the cuts.";

        // When
        var quotes = Articles.Score(text).Quotes;

        // Then
        Assert.Equal(2, quotes.Count);
        Assert.Equal(new[] { "the council to keep the night buses" }, Articles.Pieces(text, quotes[0]));
        Assert.Equal(new[] { "they accept some of the cuts" }, Articles.Pieces(text, quotes[1]));
    }

    [Fact]
    public void Subject_after_an_opening_connective_reads_forward_when_nothing_precedes_it_to_report()
    {
        // Given: "However," before the subject looks like the end of a trailer's content, but is too short to be one
        const string text = "However, Rep. Ana Lind (D-Mass.) said the law does not require witnesses to appear in public.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        AssertIndirect(quote, "said", "Rep. Ana Lind");
        Assert.Equal(new[] { "the law does not require witnesses to appear in public" }, Articles.Pieces(text, quote));
    }

    [Fact]
    public void Source_with_a_name_inside_its_post_modifier_is_the_subject_and_a_later_that_stays_in_the_content()
    {
        // Given
        const string text = "The test was the sixth. Experts on North Korea and nuclear policy said the latest test could change that.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        AssertIndirect(quote, "said", "Experts");
        Assert.Equal(new[] { "the latest test could change that" }, Articles.Pieces(text, quote));
    }

    [Fact]
    public void Abbreviated_title_before_a_surname_that_is_also_a_role_word_keeps_the_name()
    {
        // Given: "King" is a role word, but after "Mr." it is a surname
        const string text = "Larry King hosts a weekly show. Mr. King said that he had never been told what to say.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(("Mr. King", "Larry King"), (quote.Speaker?.Mention, quote.Speaker?.Name));
    }

    [Fact]
    public void Trailer_with_an_addressee_and_a_place_gives_the_quote_its_cue()
    {
        // Given
        const string text = "\"We asked for a modest bonus. That is not a negotiation\", Sophie Marchetti told reporters outside the depot.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(QuoteType.Direct, quote.Type);
        Assert.Equal(new[] { "We asked for a modest bonus. That is not a negotiation" }, Articles.Pieces(text, quote));
        Assert.Equal(("told", "Sophie Marchetti"), (quote.Cue?.Text, quote.Speaker?.Name));
    }

    [Fact]
    public void Quotation_after_an_attributed_quote_in_the_same_paragraph_continues_it()
    {
        // Given
        const string text = "Ana Ruiz arrived at noon. \"It is over,\" she said. \"We all go home now.\"";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(new[] { "It is over", "We all go home now." }, Articles.Pieces(text, quote));
        Assert.Equal("Ana Ruiz", quote.Speaker?.Name);
    }

    [Fact]
    public void Multi_sentence_quote_is_one_span()
    {
        // Given
        const string text = "Tom Baker spoke first. \"The bridge is unsafe. It must close. We have no choice,\" he said.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(QuoteType.Direct, quote.Type);
        Assert.Equal(new[] { Articles.SpanOf(text, "The bridge is unsafe. It must close. We have no choice") }, quote.ContentSpans);
        Assert.Equal("he", quote.Speaker?.Mention);
        Assert.Equal("Tom Baker", quote.Speaker?.Name);
    }

    [Fact]
    public void Multi_paragraph_quote_is_one_quote_with_a_span_per_paragraph()
    {
        // Given
        const string text =
            "Union leader Carla Mendes spoke to the crowd on Saturday morning.\n" +
            "\"We have waited three years for a fair contract. The company keeps delaying.\n" +
            "\"Our members are tired of promises.\n" +
            "\"We will strike on Monday if nothing changes.\"\n" +
            "The company declined to comment.";

        // When
        var result = Articles.Score(text);

        // Then
        var quote = Articles.Single(result);
        Assert.Equal(QuoteType.Direct, quote.Type);
        Assert.Equal(
            new[]
            {
                "We have waited three years for a fair contract. The company keeps delaying.",
                "Our members are tired of promises.",
                "We will strike on Monday if nothing changes.",
            },
            Articles.Pieces(text, quote));
        Assert.Equal("Carla Mendes", quote.Speaker?.Name);
        Assert.DoesNotContain(quote.ContentSpans, s => s.Overlaps(Articles.SpanOf(text, "The company declined")));
    }

    [Fact]
    public void Colon_after_a_name_introduces_a_direct_quote()
    {
        // Given
        const string text = "Peskov: \"Moscow has never interfered in the vote and never will.\"";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(QuoteType.Direct, quote.Type);
        Assert.Equal(new[] { Articles.SpanOf(text, "Moscow has never interfered in the vote and never will.") }, quote.ContentSpans);
        Assert.Equal(":", quote.Cue?.Text);
        Assert.Equal(new TextSpan(6, 7), quote.Cue?.Span);
        Assert.Equal("Peskov", quote.Speaker?.Name);
        Assert.Equal(new TextSpan(0, 6), quote.Speaker?.Span);
    }

    [Fact]
    public void Said_with_a_colon_introduces_a_direct_quote()
    {
        // Given
        const string text = "Dmitry Peskov spoke on Friday. He said: \"Moscow has never interfered in the vote and never will.\"";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(QuoteType.Direct, quote.Type);
        Assert.Equal(new[] { "Moscow has never interfered in the vote and never will." }, Articles.Pieces(text, quote));
        Assert.Equal("said", quote.Cue?.Text);
        Assert.Equal("He", quote.Speaker?.Mention);
        Assert.Equal("Dmitry Peskov", quote.Speaker?.Name);
    }

    [Fact]
    public void He_after_a_quote_opening_with_nobody_resolves_to_the_earlier_speaker()
    {
        // Given: "Nobody" opens the second quotation; it is a common word, not a name "he" could mean
        const string text =
            "Kremlin spokesman Dmitry Peskov spoke to reporters on Monday.\n\n"
            + "\"We support the dialogue between the two sides,\" Peskov said.\n\n"
            + "\"Nobody should interfere,\" he added.";

        // When
        var quotes = Articles.Score(text).Quotes;

        // Then
        Assert.Equal(2, quotes.Count);
        Assert.Equal("Dmitry Peskov", quotes[0].Speaker?.Name);
        var second = quotes[1];
        Assert.Equal(new[] { "Nobody should interfere" }, Articles.Pieces(text, second));
        Assert.Equal("added", second.Cue?.Text);
        Assert.Equal("he", second.Speaker?.Mention);
        Assert.Equal(Articles.SpanOf(text, "he added").Start, second.Speaker?.Span.Start);
        Assert.Equal("Dmitry Peskov", second.Speaker?.Name);
    }

    [Fact]
    public void Em_dash_trailer_names_the_speaker_of_a_bare_quotation()
    {
        // Given
        const string text = "The river rose again overnight.\n\"We will not let this town drown without a fight.\" — Ana Ruiz, mayor";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(QuoteType.Direct, quote.Type);
        Assert.Equal(new[] { "We will not let this town drown without a fight." }, Articles.Pieces(text, quote));
        Assert.Equal("—", quote.Cue?.Text);
        Assert.Equal(Articles.SpanOf(text, "—"), quote.Cue?.Span);
        Assert.Equal(Articles.SpanOf(text, "Ana Ruiz"), quote.Speaker?.Span);
        Assert.Equal("Ana Ruiz", quote.Speaker?.Name);
        Assert.Equal("mayor", quote.Speaker?.Role);
    }

    // ---- indirect quotes -------------------------------------------------------------------------

    [Fact]
    public void According_to_at_the_start_introduces_the_content_after_the_comma()
    {
        // Given
        const string text = "According to Lars Berg, the budget will be balanced next year.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(QuoteType.Indirect, quote.Type);
        Assert.Equal(new[] { "the budget will be balanced next year" }, Articles.Pieces(text, quote));
        Assert.Equal("According to", quote.Cue?.Text);
        Assert.Equal(new TextSpan(0, 12), quote.Cue?.Span);
        Assert.Equal("Lars Berg", quote.Speaker?.Name);
    }

    [Fact]
    public void Participle_adding_that_continues_the_sentence_subject()
    {
        // Given
        const string text = "Lars Berg defended the budget on Monday, adding that taxes would not rise before the election.";

        // When
        var quotes = Articles.Score(text).Quotes;

        // Then: what he defended is one quote, what he added another
        Assert.Equal(new[] { "defended", "adding" }, quotes.Select(q => q.Cue?.Text));
        Assert.Equal(new[] { "the budget on Monday" }, Articles.Pieces(text, quotes[0]));
        var quote = quotes[1];
        Assert.Equal(QuoteType.Indirect, quote.Type);
        Assert.Equal(new[] { "taxes would not rise before the election" }, Articles.Pieces(text, quote));
        Assert.Equal("adding", quote.Cue?.Text);
        Assert.Equal("Lars Berg", quote.Speaker?.Name);
    }

    [Fact]
    public void Participle_after_a_connective_continues_the_sentence_subject_and_ends_the_earlier_content()
    {
        // Given
        const string text = "Lars Berg said the mill would stay open before adding that some jobs would go. "
            + "The ferry company raised its fares, while acknowledging that the winter service would be cut.";

        // When
        var quotes = Articles.Score(text).Quotes;

        // Then
        Assert.Equal(new[] { "said", "adding", "acknowledging" }, quotes.Select(q => q.Cue?.Text));
        Assert.Equal(new[] { "Lars Berg", "Lars Berg", "The ferry company" }, quotes.Select(q => q.Speaker?.Mention));
        Assert.Equal(new[] { "the mill would stay open" }, Articles.Pieces(text, quotes[0]));
        Assert.Equal(new[] { "some jobs would go" }, Articles.Pieces(text, quotes[1]));
        Assert.Equal(new[] { "the winter service would be cut" }, Articles.Pieces(text, quotes[2]));
    }

    [Fact]
    public void Quote_and_indirect_quote_in_one_paragraph_are_two_quotes_in_text_order()
    {
        // Given
        const string text = "Lars Berg said that taxes would stay flat this year. \"Nobody should pay more for less,\" he added.";

        // When
        var quotes = Articles.Score(text).Quotes;

        // Then
        Assert.Equal(new[] { QuoteType.Indirect, QuoteType.Direct }, quotes.Select(q => q.Type));
        Assert.Equal("taxes would stay flat this year", quotes[0].Text);
        Assert.Equal("Nobody should pay more for less", quotes[1].Text);
        Assert.True(quotes[0].ContentSpans[0].End <= quotes[1].ContentSpans[0].Start);
    }

    [Fact]
    public void Second_verb_frame_finds_the_subject_after_an_opening_phrase()
    {
        // Given the first mention sits in a fronted prepositional phrase, not in subject position
        const string text = "In a letter to the minister, union leaders protested and said the cuts were unfair.";

        // When
        var quotes = Articles.Score(text).Quotes;

        // Then
        var quote = Assert.Single(quotes, q => q.Cue?.Text == "said");
        Assert.Equal("union leaders", quote.Speaker?.Mention);
        Assert.Equal("the cuts were unfair", quote.Text);
        Assert.DoesNotContain(quotes, q => q.Speaker?.Mention is "the minister" or "a letter");
    }

    [Fact]
    public void Pronoun_attribution_in_mid_sentence_splits_the_content_into_two_pieces()
    {
        // Given
        const string text = "Tom Baker spoke to reporters on Monday. The plan, he said, would fail within a year.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(new[] { "The plan", "would fail within a year" }, Articles.Pieces(text, quote));
        Assert.Equal("said", quote.Cue?.Text);
        Assert.Equal("he", quote.Speaker?.Mention);
        Assert.Equal("Tom Baker", quote.Speaker?.Name);
    }

    [Fact]
    public void Named_attribution_in_mid_sentence_keeps_both_halves_as_pieces()
    {
        // Given
        const string text = "The new plan for schools, Lars Berg said, would balance the budget by next spring.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(new[] { "The new plan for schools", "would balance the budget by next spring" }, Articles.Pieces(text, quote));
        Assert.Equal("said", quote.Cue?.Text);
        Assert.Equal("Lars Berg", quote.Speaker?.Name);
    }

    [Fact]
    public void Name_in_apposition_after_a_role_is_the_speaker_name()
    {
        // Given
        const string text = "A company spokesman, Pieter de Vries, said that the factory would stay open.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(QuoteType.Indirect, quote.Type);
        Assert.Equal(new[] { "the factory would stay open" }, Articles.Pieces(text, quote));
        Assert.Equal("Pieter de Vries", quote.Speaker?.Name);
    }

    [Fact]
    public void Role_in_apposition_after_a_name_is_the_role_and_a_later_role_noun_resolves_to_the_name()
    {
        // Given
        const string text =
            "Dmitry Peskov, the Kremlin spokesman, said that Moscow would respond calmly. " +
            "The Kremlin spokesman added that the talks would continue next week.";

        // When
        var quotes = Articles.Score(text).Quotes;

        // Then
        Assert.Equal(2, quotes.Count);
        Assert.Equal("Dmitry Peskov", quotes[0].Speaker?.Name);
        Assert.Equal("Kremlin spokesman", quotes[0].Speaker?.Role);
        Assert.Equal(Articles.SpanOf(text, "The Kremlin spokesman"), quotes[1].Speaker?.Span);
        Assert.Equal("Dmitry Peskov", quotes[1].Speaker?.Name);
    }

    [Fact]
    public void Trailing_document_attribution_takes_the_whole_reported_sentence_as_one_quote()
    {
        // Given
        const string text = "The agency warned that the river was polluted along most of its length, the report says.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal("says", quote.Cue?.Text);
        Assert.Equal(Articles.SpanOf(text, "says"), quote.Cue?.Span);
        Assert.Equal(Articles.SpanOf(text, "the report"), quote.Speaker?.Span);
        Assert.Equal(SpeakerKind.Document, quote.Speaker?.Kind);
    }

    // ---- mixed quotes ----------------------------------------------------------------------------

    [Fact]
    public void Reported_speech_with_a_quoted_fragment_is_mixed()
    {
        // Given
        const string text = "Farm leader Maria Costa said the plan was \"dead on arrival\" for farmers.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(QuoteType.Mixed, quote.Type);
        Assert.Equal(new[] { Articles.SpanOf(text, "the plan was \"dead on arrival\" for farmers") }, quote.ContentSpans);
        Assert.Equal("said", quote.Cue?.Text);
        Assert.Equal("Maria Costa", quote.Speaker?.Name);
    }

    [Fact]
    public void Mixed_quote_with_a_pronoun_speaker_resolves_to_the_earlier_name()
    {
        // Given
        const string text = "Maria Costa leads the farmers' union. She said the plan was \"dead on arrival\" for farmers.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(QuoteType.Mixed, quote.Type);
        Assert.Equal(Articles.SpanOf(text, "She"), quote.Speaker?.Span);
        Assert.Equal("Maria Costa", quote.Speaker?.Name);
    }

    // ---- unbalanced marks and non-quotes ---------------------------------------------------------

    [Fact]
    public void Unbalanced_quote_closes_at_its_paragraph_end()
    {
        // Given
        const string text =
            "Lars Berg opened the session on Monday.\n" +
            "\"We cannot wait any longer for the promised funds, he said.\n" +
            "The committee adjourned at noon. Members left the building quietly and went home.\n" +
            "Another paragraph describes the weather in the valley that day.";

        // When
        var result = Articles.Score(text);

        // Then
        var quote = Articles.Single(result);
        var secondParagraph = Articles.SpanOf(text, "\"We cannot wait any longer for the promised funds, he said.");
        Assert.All(quote.ContentSpans, s => Assert.True(secondParagraph.Contains(s), $"{s} escapes its paragraph {secondParagraph}"));
        Assert.Equal(new[] { "We cannot wait any longer for the promised funds, he said." }, Articles.Pieces(text, quote));
    }

    [Fact]
    public void Unbalanced_quote_does_not_swallow_a_later_quoted_paragraph()
    {
        // Given
        const string text =
            "Lars Berg opened the session on Monday.\n" +
            "\"We cannot wait any longer for the promised funds, he said.\n" +
            "Members then voted on the motion before lunch.\n" +
            "\"This is a good day for the valley,\" Anna Lind said.";

        // When
        var quotes = Articles.Score(text).Quotes;

        // Then
        Assert.Equal(2, quotes.Count);
        Assert.Equal(new[] { "This is a good day for the valley" }, Articles.Pieces(text, quotes[1]));
        Assert.Equal("Anna Lind", quotes[1].Speaker?.Name);
        Assert.DoesNotContain(quotes[0].ContentSpans, s => s.Overlaps(Articles.SpanOf(text, "Members then voted")));
    }

    [Fact]
    public void Calling_something_a_quoted_phrase_is_a_mixed_quote()
    {
        // Given: a characterisation with a quoted fragment, as news annotation counts it
        var text = "Critics called the measure a \"tax grab\" aimed at small farms.";

        // When
        var quotes = Articles.Score(text).Quotes;

        // Then
        var q = Assert.Single(quotes);
        Assert.Equal(QuoteType.Mixed, q.Type);
        Assert.Equal("called", q.Cue?.Text);
        Assert.Contains("\"tax grab\"", q.Text);
    }

    // ---- offsets ---------------------------------------------------------------------------------

    [Fact]
    public void Content_spans_exclude_quote_marks_speaker_and_cue()
    {
        // Given
        const string text = "Officials met at dawn. “We have reached an agreement in principle,” Deputy Minister Olga Petrova told reporters, “and the details will follow.”";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(new[] { "We have reached an agreement in principle", "and the details will follow." }, Articles.Pieces(text, quote));
        foreach (var span in quote.ContentSpans)
        {
            Assert.False(span.Overlaps(quote.Cue!.Span));
            Assert.False(span.Overlaps(quote.Speaker!.Span));
            Assert.DoesNotContain(text.Substring(span.Start, span.Length), c => c is '“' or '”');
        }
        Assert.Equal("Olga Petrova", quote.Speaker!.Name);
        Assert.Equal("Deputy Minister", quote.Speaker.Role);
    }

    [Fact]
    public void Offsets_index_the_exact_input_including_a_leading_space_and_crlf()
    {
        // Given
        const string text = " date 2020-05-01 RIGA (Sputnik) - The talks went on late.\r\n\r\n“We are close to a deal,” Foreign Minister Ilze Berzina said.\r\n";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(new[] { Articles.SpanOf(text, "We are close to a deal") }, quote.ContentSpans);
        Assert.Equal(Articles.SpanOf(text, "Foreign Minister Ilze Berzina"), quote.Speaker?.Span);
        Assert.Equal("Foreign Minister Ilze Berzina", text.Substring(quote.Speaker!.Span.Start, quote.Speaker.Span.Length));
        Assert.Equal(Articles.SpanOf(text, "said"), quote.Cue?.Span);
    }

    [Fact]
    public void Non_ascii_text_before_a_quote_does_not_shift_offsets()
    {
        // Given
        const string text = "Zürich’s café owners — and São Paulo’s 🚀 fans — waited. \"We expect the ruling by Friday,\" José Núñez said.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(new[] { Articles.SpanOf(text, "We expect the ruling by Friday") }, quote.ContentSpans);
        Assert.Equal(Articles.SpanOf(text, "José Núñez"), quote.Speaker?.Span);
    }

    /// <summary>An indirect quote with this cue, attributed to this speaker mention.</summary>
    private static void AssertIndirect(QuoteResult quote, string cue, string speaker)
    {
        Assert.Equal(QuoteType.Indirect, quote.Type);
        Assert.Equal(cue, quote.Cue?.Text);
        Assert.Equal(speaker, quote.Speaker?.Mention);
    }
}
