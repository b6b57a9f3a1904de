using NewsStance.Internal.Mentions;
using NewsStance.Tests.TestSupport;

namespace NewsStance.Tests.Mentions;

public sealed class EntityResolverTests
{
    private static (List<Mention> Mentions, EntityResolver Resolver) Resolve(string text)
    {
        var mentions = MentionFinder.Find(Articles.Read(text));
        return (mentions, new EntityResolver(mentions));
    }

    private static Mention At(List<Mention> mentions, string text, string part, int occurrence = 0)
    {
        var span = Articles.SpanOf(text, part, occurrence);
        return mentions.Single(m => m.Span == span);
    }

    /// <summary>The one mention whose span covers the part (for role nouns, whose span may or may not take the determiner).</summary>
    private static Mention Covering(List<Mention> mentions, string text, string part, int occurrence = 0)
    {
        var span = Articles.SpanOf(text, part, occurrence);
        return mentions.Single(m => m.Span.Contains(span));
    }

    [Fact]
    public void Surname_after_the_full_name_joins_it()
    {
        // Given
        const string text = "Kremlin spokesman Dmitry Peskov spoke on Monday. Later Peskov spoke again.";

        // When
        var (mentions, resolver) = Resolve(text);

        // Then
        var full = At(mentions, text, "Kremlin spokesman Dmitry Peskov");
        var surname = At(mentions, text, "Peskov", 1);
        Assert.NotNull(resolver.EntityOf(full));
        Assert.Same(resolver.EntityOf(full), resolver.EntityOf(surname));
        Assert.Equal("Dmitry Peskov", resolver.EntityOf(surname)!.Name);
        Assert.Equal("Kremlin spokesman", resolver.EntityOf(surname)!.Role);
    }

    [Fact]
    public void Surname_before_the_full_name_resolves_to_the_full_name()
    {
        // Given
        const string text = "Putin has not commented on the talks. Russian President Vladimir Putin will speak on Friday.";

        // When
        var (mentions, resolver) = Resolve(text);

        // Then
        var early = At(mentions, text, "Putin");
        Assert.Equal("Vladimir Putin", resolver.EntityOf(early)?.Name);
        Assert.Same(resolver.EntityOf(early), resolver.EntityOf(At(mentions, text, "Russian President Vladimir Putin")));
    }

    [Fact]
    public void Role_noun_joins_the_latest_entity_with_that_role()
    {
        // Given
        const string text = "Kremlin spokesman Dmitry Peskov spoke on Monday. The Kremlin spokesman then left.";

        // When
        var (mentions, resolver) = Resolve(text);

        // Then
        Assert.Equal("Dmitry Peskov", resolver.EntityOf(At(mentions, text, "The Kremlin spokesman"))?.Name);
    }

    [Fact]
    public void Role_noun_in_apposition_joins_the_name_and_gives_its_role()
    {
        // Given
        const string text = "Dmitry Peskov, the Kremlin spokesman, spoke on Monday. The Kremlin spokesman then left.";

        // When
        var article = Articles.Read(text);
        var mentions = MentionFinder.Find(article);
        var resolver = new EntityResolver(mentions, article);

        // Then
        var name = At(mentions, text, "Dmitry Peskov");
        Assert.Equal("Kremlin spokesman", resolver.EntityOf(name)?.Role);
        Assert.Same(resolver.EntityOf(name), resolver.EntityOf(Covering(mentions, text, "Kremlin spokesman", 0)));
        Assert.Same(resolver.EntityOf(name), resolver.EntityOf(Covering(mentions, text, "Kremlin spokesman", 1)));
    }

    [Fact]
    public void Name_in_apposition_after_a_role_noun_joins_it()
    {
        // Given
        const string text = "A company spokesman, Pieter de Vries, spoke on Monday.";

        // When
        var article = Articles.Read(text);
        var mentions = MentionFinder.Find(article);
        var resolver = new EntityResolver(mentions, article);

        // Then
        var role = Covering(mentions, text, "company spokesman");
        Assert.Equal("Pieter de Vries", resolver.EntityOf(role)?.Name);
        Assert.Same(resolver.EntityOf(role), resolver.EntityOf(At(mentions, text, "Pieter de Vries")));
    }

    [Fact]
    public void Different_first_names_with_one_surname_stay_apart()
    {
        // Given
        const string text = "Anna Lind met Erik Lind on Monday. Anna Lind spoke first.";

        // When
        var (mentions, resolver) = Resolve(text);

        // Then
        Assert.NotSame(resolver.EntityOf(At(mentions, text, "Anna Lind")), resolver.EntityOf(At(mentions, text, "Erik Lind")));
        Assert.Same(resolver.EntityOf(At(mentions, text, "Anna Lind")), resolver.EntityOf(At(mentions, text, "Anna Lind", 1)));
        Assert.Equal(2, resolver.Entities.Count(e => e.Kind == SpeakerKind.Person));
    }

    [Fact]
    public void Pronoun_resolves_to_the_entity_of_matching_gender()
    {
        // Given
        const string text = "Tom Baker and Ana Ruiz spoke after the flood. She thanked the volunteers.";

        // When
        var (mentions, resolver) = Resolve(text);
        var she = mentions.Single(m => m.Form == MentionForm.Pronoun);
        var entity = resolver.ResolvePronoun(she, previousSpeaker: null);

        // Then
        Assert.Equal("Ana Ruiz", entity?.Name);
        Assert.Null(resolver.EntityOf(she)); // answered, not written into the mention: resolution never depends on the order of questions
    }

    [Fact]
    public void Pronoun_prefers_the_previous_speaker_when_gender_does_not_decide()
    {
        // Given
        const string text = "Tom Baker spoke to Lars Berg. He said nothing more.";
        var (mentions, resolver) = Resolve(text);
        var berg = resolver.EntityOf(At(mentions, text, "Lars Berg"));
        var he = mentions.Single(m => m.Form == MentionForm.Pronoun);

        // When
        var entity = resolver.ResolvePronoun(he, previousSpeaker: berg);

        // Then
        Assert.Same(berg, entity);
    }

    [Fact]
    public void Person_pronoun_does_not_resolve_to_an_organisation()
    {
        // Given
        const string text = "The ministry issued new rules on Monday. She called them overdue.";
        var (mentions, resolver) = Resolve(text);
        var she = mentions.Single(m => m.Form == MentionForm.Pronoun);

        // When
        var entity = resolver.ResolvePronoun(she, previousSpeaker: null);

        // Then
        Assert.Null(entity);
    }
}
