using NewsStance.Tests.TestSupport;

namespace NewsStance.Tests.Speakers;

/// <summary>Who said it: speaker choice and resolution through the article, with the rule scorer.</summary>
public sealed class SpeakerAttributionTests
{
    [Fact]
    public void Later_surname_pronoun_and_role_noun_all_resolve_to_the_full_name()
    {
        // Given
        const string text =
            "Kremlin spokesman Dmitry Peskov said on Monday that Moscow would respond calmly. " +
            "Peskov added that the talks would continue next week. " +
            "\"We are open to dialogue,\" he said. " +
            "The Kremlin spokesman also said that no date had been set for the summit.";

        // When
        var quotes = Articles.Score(text).Quotes;

        // Then
        Assert.Equal(4, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Dmitry Peskov", q.Speaker?.Name));
        Assert.All(quotes, q => Assert.Equal("Kremlin spokesman", q.Speaker?.Role));
        Assert.All(quotes, q => Assert.Equal(SpeakerKind.Person, q.Speaker?.Kind));
        Assert.Equal(
            new[] { "Kremlin spokesman Dmitry Peskov", "Peskov", "he", "The Kremlin spokesman" },
            quotes.Select(q => q.Speaker!.Mention));
        Assert.Equal(Articles.SpanOf(text, "Peskov", 1), quotes[1].Speaker!.Span);
        Assert.Equal(Articles.SpanOf(text, "he said"), new TextSpan(quotes[2].Speaker!.Span.Start, quotes[2].Cue!.Span.End));
        Assert.Equal(Articles.SpanOf(text, "The Kremlin spokesman"), quotes[3].Speaker!.Span);
    }

    [Fact]
    public void Surname_quoted_before_the_full_name_gets_the_full_name()
    {
        // Given
        const string text =
            "MOSCOW (Sputnik) - Putin said on Monday that the talks had been useful for both sides. " +
            "The meeting lasted three hours. Russian President Vladimir Putin met the delegation at his residence.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal("Putin", quote.Speaker?.Mention);
        Assert.Equal(Articles.SpanOf(text, "Putin"), quote.Speaker?.Span);
        Assert.Equal("Vladimir Putin", quote.Speaker?.Name);
        Assert.Equal("Russian President", quote.Speaker?.Role);
    }

    [Fact]
    public void She_and_he_go_to_the_speaker_of_matching_gender_by_first_name()
    {
        // Given
        const string text =
            "Mayor Ana Ruiz and Police Chief Tom Baker spoke after the flood. " +
            "\"The water is falling at last,\" she said. " +
            "\"Our officers will stay on the streets all night,\" he said.";

        // When
        var quotes = Articles.Score(text).Quotes;

        // Then
        Assert.Equal(2, quotes.Count);
        Assert.Equal(("she", "Ana Ruiz", "Mayor"), (quotes[0].Speaker!.Mention, quotes[0].Speaker!.Name, quotes[0].Speaker!.Role));
        Assert.Equal(("he", "Tom Baker", "Police Chief"), (quotes[1].Speaker!.Mention, quotes[1].Speaker!.Name, quotes[1].Speaker!.Role));
    }

    [Fact]
    public void She_and_he_go_to_the_speaker_of_matching_gender_by_title()
    {
        // Given
        const string text =
            "Ms. Halloran and Mr. Kovacs debated the budget on Tuesday. " +
            "He said that taxes could not rise again this year. " +
            "She said that the school fund must grow by ten percent.";

        // When
        var quotes = Articles.Score(text).Quotes;

        // Then
        Assert.Equal(2, quotes.Count);
        Assert.Equal("Kovacs", quotes[0].Speaker?.Name);
        Assert.Equal("Halloran", quotes[1].Speaker?.Name);
        Assert.Equal(Articles.SpanOf(text, "She"), quotes[1].Speaker?.Span);
    }

    [Fact]
    public void Frame_subject_wins_over_a_closer_mention()
    {
        // Given
        const string text = "Anna Lind met Tom Baker on Monday. \"The deal is done,\" Lind said after talking to Baker.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal("Anna Lind", quote.Speaker?.Name);
        Assert.Equal(Articles.SpanOf(text, "Lind", 1), quote.Speaker?.Span);
    }

    [Fact]
    public void Bare_quotation_after_a_named_sentence_goes_to_that_person()
    {
        // Given
        const string text = "Union leader Carla Mendes addressed the crowd.\n\"We will strike on Monday if nothing changes at the port.\"";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Null(quote.Cue);
        Assert.Equal("Carla Mendes", quote.Speaker?.Name);
        Assert.Equal("Union leader", quote.Speaker?.Role);
    }

    [Fact]
    public void Countries_speaking_together_are_an_organisation()
    {
        // Given
        const string text = "Russia and several other countries insist that the sanctions are illegal under international law.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(QuoteType.Indirect, quote.Type);
        Assert.Equal(new[] { "the sanctions are illegal under international law" }, Articles.Pieces(text, quote));
        Assert.Equal("insist", quote.Cue?.Text);
        Assert.Equal(SpeakerKind.Organization, quote.Speaker?.Kind);
        Assert.Contains("countries", quote.Speaker!.Mention);
    }

    [Fact]
    public void Quote_with_no_possible_source_has_no_speaker()
    {
        // Given
        const string text = "\"Nobody expected the water to rise this fast in a single night.\"";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(QuoteType.Direct, quote.Type);
        Assert.Null(quote.Speaker);
        Assert.Null(quote.Cue);
    }

    [Fact]
    public void Speaker_confidence_is_a_probability()
    {
        // Given
        const string text = "Tom Baker met Ana Ruiz and Lars Berg. \"The water is still rising in the old town,\" Ruiz said.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal("Ana Ruiz", quote.Speaker?.Name);
        Assert.InRange(quote.Speaker!.Confidence, 0.5, 1.0);
    }

    [Fact]
    public void He_and_she_do_not_resolve_to_capitalised_words_that_are_not_people()
    {
        // Given: a title-case headline, a dateline word, a programme and a state open sentences before the pronouns
        const string text = "Says Legislators May Clarify Religious Beliefs Law\n\n"
            + "Updated at 5 p.m.\n\n"
            + "Christianity is not under attack in Arizona, the governor's office said in a letter. Medicare will cover the new drug from March.\n\n"
            + "\"We will not let the state be divided over this,\" she said.\n\n"
            + "Tennessee lawmakers debated the bill on Monday. \"This is a good day for families,\" he said.";

        // When
        var quotes = Articles.Score(text).Quotes;

        // Then: the pronouns stay unresolved rather than naming a word that is no person
        var pronounQuotes = quotes.Where(q => q.Speaker?.Mention is "she" or "he").ToList();
        Assert.Equal(2, pronounQuotes.Count);
        Assert.All(pronounQuotes, q => Assert.Equal(q.Speaker!.Mention, q.Speaker.Name));
    }

    [Fact]
    public void She_resolves_to_a_named_woman_past_a_capitalised_place_nearer_to_her()
    {
        // Given
        const string text = "Mayor Ana Ruiz toured the harbour on Monday. Riverton Harbour flooded twice this year. "
            + "\"We will rebuild the wall before winter,\" she said.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(("she", "Ana Ruiz"), (quote.Speaker?.Mention, quote.Speaker?.Name));
    }

    [Fact]
    public void A_capitalised_title_alone_is_a_role_noun_that_resolves_to_its_holder()
    {
        // Given
        const string text = "House Speaker Paul Ryan met the delegation on Tuesday. "
            + "The Speaker said that the bill would come to a vote next week.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(("The Speaker", "Paul Ryan", SpeakerKind.Person), (quote.Speaker?.Mention, quote.Speaker?.Name, quote.Speaker?.Kind));
    }

    [Fact]
    public void Conjoined_subject_of_a_reporting_verb_is_one_speaker()
    {
        // Given
        const string text = "Russia and several other countries insist that Maduro is the only legitimate president of Venezuela.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal("Russia and several other countries", quote.Speaker?.Mention);
        Assert.Equal(Articles.SpanOf(text, "Russia and several other countries"), quote.Speaker?.Span);
        Assert.Equal(SpeakerKind.Organization, quote.Speaker?.Kind);
    }

    [Fact]
    public void Conjoined_speakers_are_not_the_antecedent_of_he_or_she()
    {
        // Given
        const string text = "Tom Baker and Ana Ruiz said that the talks had failed. \"We start again tomorrow,\" she said.";

        // When
        var quotes = Articles.Score(text).Quotes;

        // Then
        Assert.Equal(2, quotes.Count);
        Assert.Equal("Tom Baker and Ana Ruiz", quotes[0].Speaker?.Name);
        Assert.Equal(("she", "Ana Ruiz"), (quotes[1].Speaker?.Mention, quotes[1].Speaker?.Name));
    }

    [Fact]
    public void Name_after_an_organisation_noun_is_an_organisation()
    {
        // Given
        const string text = "Transport operator Citelyon said in a statement that the buses would run on Sunday.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(("Transport operator Citelyon", "Citelyon", SpeakerKind.Organization), (quote.Speaker?.Mention, quote.Speaker?.Name, quote.Speaker?.Kind));
        Assert.Equal("Transport operator", quote.Speaker?.Role);
    }

    [Fact]
    public void Name_with_a_known_first_name_after_an_organisation_noun_stays_a_person()
    {
        // Given
        const string text = "The union told the committee John Smith had resigned. John Smith said that he would stay on until May.";

        // When
        var quotes = Articles.Score(text).Quotes;

        // Then
        var smith = Assert.Single(quotes, q => q.Cue?.Text == "said");
        Assert.Equal(("John Smith", SpeakerKind.Person), (smith.Speaker?.Name, smith.Speaker?.Kind));
    }

    [Fact]
    public void Role_noun_keeps_a_long_modifier_with_a_capitalised_name_in_it()
    {
        // Given
        const string text = "Budget fears grow. A former Riverton City Council chairman says the mayor should resign before the vote.";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal("A former Riverton City Council chairman", quote.Speaker?.Mention);
        Assert.Equal(new[] { "the mayor should resign before the vote" }, Articles.Pieces(text, quote));
    }
}
