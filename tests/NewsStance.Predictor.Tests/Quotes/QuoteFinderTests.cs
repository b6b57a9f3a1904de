using NewsStance.Tests.TestSupport;

namespace NewsStance.Tests.Quotes;

/// <summary>Quote finding, driven through the public scorer with rules only (no model bundle needed).</summary>
public sealed class QuoteFinderTests
{
    // ---- direct quotes ---------------------------------------------------------------------------

    [Theory]
    [InlineData("\"", "\"")]
    [InlineData("“", "”")]
    [InlineData("«", "»")]
    public void Direct_quote_is_found_with_any_quotation_marks(string open, string close)
    {
        // Given
        string text = $"The mayor arrived late. {open}We will rebuild the bridge by spring,{close} Ana Ruiz said.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(QuoteType.Direct, quote.Type);
        Assert.Equal(new[] { Articles.SpanOf(text, "We will rebuild the bridge by spring") }, quote.ContentSpans);
        Assert.Equal("We will rebuild the bridge by spring", quote.Text);
        Assert.Equal("said", quote.Cue?.Text);
        Assert.Equal(Articles.SpanOf(text, "said"), quote.Cue?.Span);
        Assert.Equal("Ana Ruiz", quote.Speaker?.Name);
    }

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
    public void Infinitive_after_an_addressee_is_the_reported_content()
    {
        // Given
        const string text = "The vote is near. Officials urged Congress to leave the program intact.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        AssertIndirect(quote, "urged", "Officials");
        Assert.Equal(new[] { "to leave the program intact" }, Articles.Pieces(text, quote));
    }

    [Theory]
    [InlineData("In the end, the operator agreed to lend the city five new buses for the summer.", "agreed", "the operator", "to lend the city five new buses for the summer")]
    [InlineData("The mayor pledged to cut the bus fares by half before the winter.", "pledged", "The mayor", "to cut the bus fares by half before the winter")]
    public void Infinitive_after_a_verb_of_commitment_is_the_reported_content(string text, string cue, string speaker, string content)
    {
        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        AssertIndirect(quote, cue, speaker);
        Assert.Equal(new[] { content }, Articles.Pieces(text, quote));
    }

    [Theory]
    [InlineData("The union leader criticised the new rota as unfair to night workers.", "criticised", "The union leader", "the new rota as unfair to night workers")]
    [InlineData("Mayor Ana Ruiz praised the volunteers who cleared the flooded streets.", "praised", "Mayor Ana Ruiz", "the volunteers who cleared the flooded streets")]
    [InlineData("The ferry company defended its decision to cancel the winter timetable.", "defended", "The ferry company", "its decision to cancel the winter timetable")]
    [InlineData("Lars Berg has called the new levy a tax on the poorest farmers.", "has called", "Lars Berg", "the new levy a tax on the poorest farmers")]
    [InlineData("The housing charity called for rules that protect renters from sudden rent rises.", "called for", "The housing charity", "rules that protect renters from sudden rent rises")]
    public void Object_of_a_verb_of_judgement_or_demand_is_the_reported_content(string text, string cue, string speaker, string content)
    {
        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then: what is judged or demanded is what the speaker said something about; a later "that" is a relative clause in it
        AssertIndirect(quote, cue, speaker);
        Assert.Equal(new[] { content }, Articles.Pieces(text, quote));
    }

    [Theory]
    [InlineData("The levy would hurt small farms across the region, forcing many to sell, said Anna Berg, a farm economist.", "said", "Anna Berg", "The levy would hurt small farms across the region, forcing many to sell")]
    [InlineData("Lars Berg, who chairs the budget committee, has defended the new levy on farms.", "has defended", "Lars Berg", "the new levy on farms")]
    [InlineData("Turnout will fall in the north, whose voters feel ignored, said Tom Hale.", "said", "Tom Hale", "Turnout will fall in the north, whose voters feel ignored")]
    public void Verb_of_saying_after_a_comma_with_the_speaker_closing_the_sentence_is_an_inverted_trailer(string text, string cue, string speaker, string content)
    {
        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then: the phrase between the commas is part of the content, not an apposition of the subject —
        // unless the verb cannot invert (an auxiliary, an object as content)
        AssertIndirect(quote, cue, speaker);
        Assert.Equal(new[] { content }, Articles.Pieces(text, quote));
    }

    [Theory]
    [InlineData("When the mayor said the bridge would reopen in May, the traders on the quay cheered loudly.", "the mayor", "the bridge would reopen in May")]
    [InlineData("Although Lars Berg denied that the mill would close, the workers walked out on Friday.", "Lars Berg", "the mill would close")]
    public void Frame_inside_a_fronted_subordinate_clause_reports_only_up_to_its_comma(string text, string speaker, string content)
    {
        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then: the main clause after the comma is the narrator's, not the speaker's
        Assert.Equal(speaker, quote.Speaker?.Mention);
        Assert.Equal(new[] { content }, Articles.Pieces(text, quote));
    }

    [Theory]
    [InlineData("The council asked the operator whether the night buses would keep running.", "The council", "whether the night buses would keep running")]
    [InlineData("Lars Berg asked if the mill would stay open after the summer.", "Lars Berg", "if the mill would stay open after the summer")]
    [InlineData("A reporter asked the minister why the border was still closed.", "A reporter", "why the border was still closed")]
    public void Embedded_question_after_a_verb_of_asking_is_the_reported_content(string text, string speaker, string content)
    {
        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        AssertIndirect(quote, "asked", speaker);
        Assert.Equal(new[] { content }, Articles.Pieces(text, quote));
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
        Assert.Equal(new[] { "to keep the night buses" }, Articles.Pieces(text, quotes[0]));
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

    [Theory]
    [InlineData("Officials in the city said the trams would run again on Friday.", "Officials")]
    [InlineData("A spokeswoman for the company said the trams would run again on Friday.", "A spokeswoman")]
    public void Mention_inside_a_post_modifier_is_not_the_subject(string text, string speaker)
    {
        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        AssertIndirect(quote, "said", speaker);
        Assert.Equal(new[] { "the trams would run again on Friday" }, Articles.Pieces(text, quote));
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

    [Theory]
    [InlineData("Finance Minister Lars Berg said the budget would be balanced next year.", "said")]
    [InlineData("Finance Minister Lars Berg said that the budget would be balanced next year.", "said")]
    [InlineData("Finance Minister Lars Berg stressed that the budget would be balanced next year.", "stressed")]
    [InlineData("Finance Minister Lars Berg told reporters the budget would be balanced next year.", "told")]
    [InlineData("Finance Minister Lars Berg told reporters that the budget would be balanced next year.", "told")]
    [InlineData("Finance Minister Lars Berg said on Monday that the budget would be balanced next year.", "said")]
    [InlineData("Finance Minister Lars Berg has repeatedly insisted that the budget would be balanced next year.", "has repeatedly insisted")]
    [InlineData("Finance Minister Lars Berg just this week announced that the budget would be balanced next year.", "announced")]
    [InlineData("Finance Minister Lars Berg has long argued that the budget would be balanced next year.", "has long argued")]
    [InlineData("Finance Minister Lars Berg now says the budget would be balanced next year.", "says")]
    public void Subject_then_cue_then_content_is_an_indirect_quote(string text, string cue)
    {
        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(QuoteType.Indirect, quote.Type);
        Assert.Equal(new[] { Articles.SpanOf(text, "the budget would be balanced next year") }, quote.ContentSpans);
        Assert.Equal(cue, quote.Cue?.Text);
        Assert.Equal(Articles.SpanOf(text, cue), quote.Cue?.Span);
        Assert.Equal(Articles.SpanOf(text, "Finance Minister Lars Berg"), quote.Speaker?.Span);
        Assert.Equal("Lars Berg", quote.Speaker?.Name);
        Assert.Equal("Finance Minister", quote.Speaker?.Role);
    }

    [Theory]
    [InlineData("The budget will be balanced next year, Lars Berg said.", "said")]
    [InlineData("The budget will be balanced next year, said Lars Berg.", "said")]
    [InlineData("The budget will be balanced next year, Lars Berg told reporters.", "told")]
    [InlineData("The budget will be balanced next year, Lars Berg told parliament.", "told")]
    [InlineData("The budget will be balanced next year, Lars Berg told Reuters.", "told")]
    [InlineData("The budget will be balanced next year, Lars Berg said on Monday.", "said")]
    [InlineData("The budget will be balanced next year, according to Lars Berg.", "according to")]
    public void Content_before_a_trailing_attribution_is_an_indirect_quote(string text, string cue)
    {
        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(QuoteType.Indirect, quote.Type);
        Assert.Equal(new[] { new TextSpan(0, "The budget will be balanced next year".Length) }, quote.ContentSpans);
        Assert.Equal(Articles.SpanOf(text, cue), quote.Cue?.Span);
        Assert.Equal(Articles.SpanOf(text, "Lars Berg"), quote.Speaker?.Span);
        Assert.Equal("Lars Berg", quote.Speaker?.Name);
    }

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

    [Theory]
    [InlineData("Officials said the border crossing would reopen on Friday morning.", "the border crossing would reopen on Friday morning")]
    [InlineData("A source familiar with the talks said the two sides were close to a deal.", "the two sides were close to a deal")]
    [InlineData("The two sides are close to a deal, a source familiar with the talks said.", "The two sides are close to a deal")]
    [InlineData("Officials in the capital said the curfew would be lifted.", "the curfew would be lifted")]
    public void Unnamed_sources_are_anonymous_speakers_of_the_reported_clause(string text, string content)
    {
        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(QuoteType.Indirect, quote.Type);
        Assert.Equal(new[] { Articles.SpanOf(text, content) }, quote.ContentSpans);
        Assert.Equal("said", quote.Cue?.Text);
        Assert.Equal(SpeakerKind.Anonymous, quote.Speaker?.Kind);
    }

    [Theory]
    [InlineData("Senator Lars Berg (R-Ohio) said the budget would be balanced next year.", "said", "Senator Lars Berg")]
    [InlineData("The budget will be balanced next year, Senator Lars Berg (R-Ohio) told reporters.", "told", "Senator Lars Berg")]
    [InlineData("Northwind Mills (NYSE: NWM) has said the budget would be balanced next year.", "has said", "Northwind Mills")]
    public void Parenthetical_after_the_subject_does_not_hide_it(string text, string cue, string speaker)
    {
        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        AssertIndirect(quote, cue, speaker);
        Assert.DoesNotContain("R-Ohio", quote.Text);
    }

    [Theory]
    [InlineData("The minister visited the flooded district on Monday and said the repairs would finish by June.", "said", "The minister", "the repairs would finish by June")]
    [InlineData("Anna Berg, who led the union for a decade, resigned in May and told reporters the strike had failed.", "told", "Anna Berg", "the strike had failed")]
    [InlineData("The company cut its forecast and warned that profits would fall sharply this year.", "warned", "The company", "profits would fall sharply this year")]
    [InlineData("Lars Berg cut the bus fares by a third, but said the night service would stop in May.", "said", "Lars Berg", "the night service would stop in May")]
    public void Second_verb_of_the_sentence_subject_is_a_speech_frame(string text, string cue, string speaker, string content)
    {
        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        AssertIndirect(quote, cue, speaker);
        Assert.Equal(new[] { Articles.SpanOf(text, content) }, quote.ContentSpans);
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

    [Theory]
    [InlineData("Police said the suspect fled the scene in a stolen car.", "said", "Police")]
    [InlineData("According to police, the suspect fled the scene in a stolen car.", "According to", "police")]
    [InlineData("The suspect fled the scene in a stolen car, according to attorneys for the family.", "according to", "attorneys")]
    [InlineData("The suspect fled the scene in a stolen car, prosecutors said.", "said", "prosecutors")]
    [InlineData("Several senators said the suspect fled the scene in a stolen car.", "said", "Several senators")]
    [InlineData("Two deputies said the suspect fled the scene in a stolen car.", "said", "Two deputies")]
    [InlineData("Some said the suspect fled the scene in a stolen car.", "said", "Some")]
    [InlineData("Most of the witnesses said the suspect fled the scene in a stolen car.", "said", "Most")]
    [InlineData("In the survey, 61 percent said the suspect fled the scene in a stolen car.", "said", "61 percent")]
    public void Bare_collectives_plural_professions_and_quantified_groups_are_unnamed_sources(string text, string cue, string speaker)
    {
        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        AssertIndirect(quote, cue, speaker);
        Assert.Equal(SpeakerKind.Anonymous, quote.Speaker?.Kind);
        Assert.Contains("the suspect fled the scene in a stolen car", quote.Text, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("The bridge carries forty thousand cars a day, according to city traffic counts.", "city traffic counts", "The bridge carries forty thousand cars a day")]
    [InlineData("According to early returns, the mayor won a second term by a wide margin.", "early returns", "the mayor won a second term by a wide margin")]
    [InlineData("The mill will close in May, according to a timeline kept by the union.", "a timeline kept by the union", "The mill will close in May")]
    public void Any_phrase_after_according_to_is_the_source(string text, string source, string content)
    {
        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(QuoteType.Indirect, quote.Type);
        Assert.Equal("according to", quote.Cue?.Text.ToLowerInvariant());
        Assert.Equal(source, quote.Speaker?.Mention);
        Assert.Equal(new[] { content }, Articles.Pieces(text, quote));
    }

    [Theory]
    [InlineData("On Tuesday morning, Lars Berg said that the budget would be balanced next year.")]
    [InlineData("In a statement on Monday, the ministry said that the budget would be balanced next year.")]
    public void Opening_adverbial_before_the_subject_is_not_part_of_the_content(string text)
    {
        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(QuoteType.Indirect, quote.Type);
        Assert.Equal(new[] { "the budget would be balanced next year" }, Articles.Pieces(text, quote));
        Assert.Equal("said", quote.Cue?.Text);
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

    [Theory]
    [InlineData("The so-called \"reform\" angered voters in the north.")]
    [InlineData("She starred in \"The Long Road Home\" in 2015.")]
    [InlineData("The novel \"War and Peace\" sat on the table near the window.")]
    [InlineData("The word 'sovereignty' appears twelve times in the draft.")]
    public void Scare_quotes_terms_and_titles_are_not_quotes(string text)
    {
        // When
        var result = Articles.Score(text);

        // Then
        Assert.Empty(result.Quotes);
    }

    [Theory]
    [InlineData("Under the said agreement, both sides must withdraw their troops by May.")]
    [InlineData("The ministry signed the deal. The said agreement requires both sides to withdraw their troops.")]
    public void The_said_agreement_is_not_a_reporting_cue(string text)
    {
        // When
        var result = Articles.Score(text);

        // Then
        Assert.Empty(result.Quotes);
    }

    [Theory]
    [InlineData("The minister was told the report would be late.")]
    [InlineData("Lars Berg said nothing.")]
    [InlineData("Lars Berg said nothing when asked about it.")]
    [InlineData("The ministers were told that the report would be late.")]
    [InlineData("Lars Berg called the police an hour after the break-in.")]
    [InlineData("Lars Berg called a meeting of the whole board for Friday.")]
    public void Passives_and_noun_objects_are_not_reported_speech(string text)
    {
        // When
        var result = Articles.Score(text);

        // Then
        Assert.Empty(result.Quotes);
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
