using NewsStance.Internal.Mentions;
using NewsStance.Tests.TestSupport;

namespace NewsStance.Tests.Mentions;

public sealed class MentionFinderTests
{
    private static List<Mention> Find(string text) => MentionFinder.Find(Articles.Read(text));

    [Fact]
    public void Role_before_a_name_is_split_into_role_and_name()
    {
        // Given
        const string text = "Kremlin spokesman Dmitry Peskov spoke on Monday.";

        // When
        var m = Find(text).First();

        // Then
        Assert.Equal(MentionForm.Name, m.Form);
        Assert.Equal(SpeakerKind.Person, m.Kind);
        Assert.Equal("Dmitry Peskov", m.Core);
        Assert.Equal("Kremlin spokesman", m.Role);
        Assert.Equal("peskov", m.Head);
        Assert.Equal(Articles.SpanOf(text, "Kremlin spokesman Dmitry Peskov"), m.Span);
        Assert.Equal(1, m.Gender);
    }

    [Theory]
    [InlineData("The state attorney general opened an inquiry.", "The state attorney general")]
    [InlineData("The post office manager closed the branch.", "The post office manager")]
    public void Bare_form_of_a_reporting_word_that_is_also_a_noun_can_modify_a_role(string text, string mention)
    {
        // When
        var m = Find(text).First();

        // Then
        Assert.Equal(MentionForm.RoleNoun, m.Form);
        Assert.Equal(Articles.SpanOf(text, mention), m.Span);
    }

    [Fact]
    public void Capitalised_title_is_the_role_of_the_name()
    {
        // Given
        const string text = "Russian President Vladimir Putin arrived in Ankara.";

        // When
        var m = Find(text).First();

        // Then
        Assert.Equal("Vladimir Putin", m.Core);
        Assert.Equal("Russian President", m.Role);
    }

    [Theory]
    [InlineData("Ms. Halloran spoke first.", "Halloran", -1)]
    [InlineData("Mr. Kovacs spoke first.", "Kovacs", 1)]
    [InlineData("Maria Costa spoke first.", "Maria Costa", -1)]
    [InlineData("Tom Baker spoke first.", "Tom Baker", 1)]
    [InlineData("Kiran Okafor spoke first.", "Kiran Okafor", 0)]
    public void Gender_comes_from_titles_and_first_names(string text, string core, int gender)
    {
        // When
        var m = Find(text).First();

        // Then
        Assert.Equal(core, m.Core);
        Assert.Equal(gender, m.Gender);
    }

    [Theory]
    [InlineData("Then officials said little.", "officials", "Anonymous")]
    [InlineData("Then the ministry said little.", "the ministry", "OrganizationNoun")]
    [InlineData("Then the report said little.", "the report", "Document")]
    [InlineData("Then the spokesman said little.", "the spokesman", "RoleNoun")]
    public void Nouns_that_can_speak_are_mentions(string text, string expected, string formName)
    {
        // Given
        var form = Enum.Parse<MentionForm>(formName);

        // When
        var mentions = Find(text);

        // Then
        var m = Assert.Single(mentions, x => x.Form == form);
        Assert.Equal(expected, text.Substring(m.Span.Start, m.Span.Length), ignoreCase: true);
    }

    [Fact]
    public void Lone_nationality_adjective_is_not_a_name()
    {
        // Given
        const string text = "the talks touched on Venezuelan problems and oil.";

        // When
        var mentions = Find(text);

        // Then
        Assert.DoesNotContain(mentions, m => m.Core == "Venezuelan");
    }

    [Fact]
    public void Subject_pronouns_are_mentions_with_gender()
    {
        // Given
        const string text = "She arrived and he left, then they talked.";

        // When
        var pronouns = Find(text).Where(m => m.Form == MentionForm.Pronoun).ToList();

        // Then
        Assert.Equal(new[] { "she", "he", "they" }, pronouns.Select(p => p.Head));
        Assert.Equal(new[] { -1, 1, 0 }, pronouns.Select(p => p.Gender));
        Assert.True(pronouns[2].Plural);
    }

    [Fact]
    public void Organisation_names_and_countries_are_organisations()
    {
        // Given
        const string text = "Russia and the European Commission disagreed with Global Oil Corp. on prices.";

        // When
        var byCore = Find(text).Where(m => m.Form == MentionForm.Name).ToDictionary(m => m.Core, m => m.Kind);

        // Then
        Assert.Equal(SpeakerKind.Organization, byCore["Russia"]);
        Assert.Equal(SpeakerKind.Organization, byCore["European Commission"]);
        Assert.Equal(SpeakerKind.Organization, byCore["Global Oil Corp."]);
    }

    [Fact]
    public void Mentions_are_numbered_in_text_order()
    {
        // Given
        const string text = "Tom Baker met Ana Ruiz. She said the river was rising. The mayor left.";

        // When
        var mentions = Find(text);

        // Then
        Assert.Equal(Enumerable.Range(0, mentions.Count), mentions.Select(m => m.Index));
        Assert.True(mentions.Zip(mentions.Skip(1)).All(p => p.First.Span.Start < p.Second.Span.Start));
    }
}
