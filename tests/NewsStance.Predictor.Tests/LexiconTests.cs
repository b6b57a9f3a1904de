using NewsStance.Internal;

namespace NewsStance.Tests;

/// <summary>The rules' word lists load, and reporting verbs' forms come from their lemmas (the lists themselves: WordListTests).</summary>
public sealed class LexiconTests
{
    [Fact]
    public void Every_list_the_rules_use_is_embedded_and_loads()
    {
        // When: the first lookup loads every list (a missing file would throw here)
        var lemma = Lexicon.ReportingLemma("said");

        // Then
        Assert.Equal("say", lemma);
        Assert.True(Lexicon.Folder.FileNames.Count() >= 20, string.Join(", ", Lexicon.Folder.FileNames));
        Assert.True(Lexicon.PersonRoles.Contains("Spokeswoman")); // these lookups ignore case
        Assert.Contains("united states", (IReadOnlySet<string>)Lexicon.Countries);
    }

    [Theory]
    [InlineData("vice-chair", true)]
    [InlineData("Co-Founder", true)]
    [InlineData("ex-minister", true)]
    [InlineData("co-op", false)] // "op" is no role noun
    [InlineData("anti-mayor", false)] // "anti" is no role prefix
    [InlineData("vice-", false)]
    [InlineData("-chair", false)]
    public void A_hyphenated_compound_is_a_role_when_a_role_prefix_joins_a_role_noun(string word, bool role)
        => Assert.Equal(role, Lexicon.PersonRoles.Contains(word));

    [Theory]
    [InlineData("stressed", "stress")]
    [InlineData("Told", "tell")] // irregular, any case
    [InlineData("written", "write")]
    [InlineData("quipped", "quip")] // doubled consonant
    [InlineData("denies", "deny")]
    [InlineData("lambasted", "lambast")] // shared with "lambaste": the lemma listed first wins
    [InlineData("sayed", null)]
    [InlineData("spoke", null)] // "speak" has irregular forms but is not a reporting verb
    public void Reporting_verb_forms_are_generated_from_the_lemmas(string form, string? lemma)
    {
        // Then
        Assert.Equal(lemma, Lexicon.ReportingLemma(form));
    }

    [Fact]
    public void Lemma_lists_match_as_written_and_title_lists_after_lower_casing()
    {
        // Then: lemmas arrive lower-cased from ReportingLemma, so these lists match exactly
        Assert.True(Lexicon.IsCoreSpeechVerb("say"));
        Assert.False(Lexicon.IsCoreSpeechVerb("Say"));
        Assert.True(Lexicon.IsNounAmbiguous("comment"));
        Assert.True(Lexicon.NeedsParticle("point"));
        Assert.False(Lexicon.NeedsParticle("say"));

        // Then: titles are lower-cased and lose their period first
        Assert.Equal(1, Lexicon.TitleGender("Mr."));
        Assert.Equal(-1, Lexicon.TitleGender("Spokeswoman"));
        Assert.Equal(0, Lexicon.TitleGender("Minister"));
        Assert.True(Lexicon.IsNameTitle("Foreign"));
        Assert.True(Lexicon.IsNameTitle("Sen."));
        Assert.True(Lexicon.IsNameTitle("Spokesman"));
        Assert.False(Lexicon.IsNameTitle("Paris"));
        Assert.Equal(-1, Lexicon.FirstNameGender("Ngozi"));
        Assert.Equal(1, Lexicon.FirstNameGender("kwame"));
    }
}
