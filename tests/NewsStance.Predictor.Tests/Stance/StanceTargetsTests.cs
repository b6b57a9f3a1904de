using NewsStance.Internal.Mentions;
using NewsStance.Internal.Quotes;
using NewsStance.Internal.Stance;
using NewsStance.Tests.Shared;
using NewsStance.Tests.TestSupport;

namespace NewsStance.Tests.Stance;

public sealed class StanceTargetsTests
{
    private static (QuoteCandidate Quote, EntityResolver Entities, string QuoteText) OnlyQuote(string text)
    {
        var article = Articles.Read(text);
        var mentions = MentionFinder.Find(article);
        var entities = new EntityResolver(mentions);
        var quote = Assert.Single(QuoteFinder.Find(article, mentions));
        return (quote, entities, string.Join(" ", quote.Content.Select(article.TextOf)));
    }

    [Theory]
    [InlineData("The mayor met Ana Ruiz.", "Ana Ruiz", 14)]
    [InlineData("ANA RUIZ spoke first.", "Ana Ruiz", 0)]
    [InlineData("Ruizfield is not Ruiz.", "Ruiz", 17)]
    [InlineData("Nobody named here.", "Ruiz", -1)]
    [InlineData("Anyway, Ana Ruizova came.", "Ana Ruiz", -1)]
    public void IndexOfWord_finds_whole_words_ignoring_case(string text, string word, int expected)
    {
        // When
        int at = StanceTargets.IndexOfWord(text, word);

        // Then
        Assert.Equal(expected, at);
    }

    [Fact]
    public void Given_targets_are_scored_when_the_quote_names_them_or_an_alias()
    {
        // Given
        var (quote, entities, quoteText) = OnlyQuote("Lars Berg said that the mayor had failed the city and must resign.");
        var targets = new[] { StanceTarget.Parse("Ana Ruiz|the mayor"), StanceTarget.Parse("Tom Baker|the chief") };

        // When
        var found = StanceTargets.For(quoteText, targets, entities, quote, speaker: null).ToList();

        // Then
        var f = Assert.Single(found);
        Assert.Equal("Ana Ruiz", f.Target);
        Assert.Equal("the mayor", quoteText[f.MentionStart..f.MentionEnd]);
    }

    [Fact]
    public void Without_targets_each_named_entity_in_the_quote_is_a_target_once_by_its_fullest_name()
    {
        // Given
        const string text = "Ana Ruiz spoke first. Lars Berg said that Ruiz had failed the city and Tom Baker had helped it, unlike Ruiz.";
        var article = Articles.Read(text);
        var mentions = MentionFinder.Find(article);
        var resolver = new EntityResolver(mentions);
        var quote = Assert.Single(QuoteFinder.Find(article, mentions));
        string quoteText = string.Join(" ", quote.Content.Select(article.TextOf));
        var speaker = resolver.EntityOf(mentions.Single(m => m.Core == "Lars Berg"));

        // When
        var found = StanceTargets.For(quoteText, null, resolver, quote, speaker).Select(f => f.Target).ToList();

        // Then
        Assert.Equal(new[] { "Ana Ruiz", "Tom Baker" }, found);
    }

    [Fact]
    public void Quote_that_names_no_entity_gets_no_target()
    {
        // Given
        var (quote, entities, quoteText) = OnlyQuote("Lars Berg said that the weather would improve by the weekend.");

        // When
        var found = StanceTargets.For(quoteText, [], entities, quote, speaker: null);

        // Then
        Assert.Empty(found);
    }

    [Fact]
    public void A_lone_capitalised_word_opening_the_quote_is_not_a_target_but_a_named_entity_is()
    {
        // Given: "Negotiations" opens the reported clause and is never mentioned again
        var (quote, entities, quoteText) = OnlyQuote(
            "Negotiations on the corridor are moving forward because President Anton Ilyashev has shown patience, Gleb Marinov said.");

        // When
        var found = StanceTargets.For(quoteText, null, entities, quote, speaker: null).Select(f => f.Target).ToList();

        // Then
        Assert.DoesNotContain("Negotiations", found);
        Assert.Contains("Anton Ilyashev", found);
    }

    private static (List<string> Targets, string QuoteText) DefaultTargets(string text, string speakerName, IReadOnlyList<StanceTarget>? targets = null)
    {
        var article = Articles.Read(text);
        var mentions = MentionFinder.Find(article);
        var resolver = new EntityResolver(mentions, article);
        var quote = Assert.Single(QuoteFinder.Find(article, mentions));
        string quoteText = string.Join(" ", quote.Content.Select(article.TextOf));
        var speaker = resolver.EntityOf(mentions.First(m => m.Core == speakerName));
        var places = new PlaceNames(article, resolver);
        return (StanceTargets.For(quoteText, targets, resolver, quote, speaker, places).Select(f => f.Target).ToList(), quoteText);
    }

    [Fact]
    public void A_name_decided_alone_is_a_place_exactly_when_the_whole_article_list_says_so()
    {
        // Given the project's corpus articles (places after "in", "from", "the port of", names that act, both)
        var folder = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(RepoModels.Fast))!, "training-data", "articles");
        int places = 0, names = 0;
        foreach (var file in Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal).Take(120))
        {
            var article = Articles.Read(File.ReadAllText(file));
            var resolver = new EntityResolver(MentionFinder.Find(article), article);

            // When each name (in any case) is asked about on its own
            var all = PlaceNames.Find(article, resolver);
            var alone = new PlaceNames(article, resolver);

            // Then the answers are the full list's
            foreach (var m in resolver.Mentions.Where(m => m.Form == MentionForm.Name))
            {
                var name = resolver.EntityOf(m)?.Name ?? m.Core;
                foreach (var asked in new[] { name, name.ToUpperInvariant() })
                    Assert.True(all.Contains(asked) == alone.IsPlace(asked), $"{Path.GetFileName(file)}: '{asked}'");
                names++;
                if (all.Contains(name)) places++;
            }
            Assert.False(alone.IsPlace("Nowhere-Named-Here"));
        }
        Assert.True(places > 0 && places < names, $"{places} place mentions of {names}: the corpus should have both");
    }

    [Fact]
    public void Without_targets_places_are_not_targets()
    {
        // When
        var (found, quoteText) = DefaultTargets("Tom Baker said that Ana Ruiz had failed the farmers in Velna and the people from Valmont-sur-Rhone.", "Tom Baker");

        // Then
        Assert.Contains("Velna", quoteText);
        Assert.Equal(["Ana Ruiz"], found);
    }

    [Fact]
    public void Without_targets_a_country_that_acts_is_a_target_and_a_town_it_acts_in_is_not()
    {
        // When
        var (found, _) = DefaultTargets("Tom Baker said that Russia had walked out of the talks in Velna.", "Tom Baker");

        // Then
        Assert.Equal(["Russia"], found);
    }

    [Fact]
    public void Without_targets_the_organisation_in_the_speakers_title_is_not_a_target()
    {
        // When
        var (found, _) = DefaultTargets("Northwind spokesman Pieter de Vries said that Northwind would appeal against the ruling by Ana Ruiz.", "Pieter de Vries");

        // Then
        Assert.Equal(["Ana Ruiz"], found);
    }

    [Theory]
    [InlineData("Northwind spokesman Pieter de Vries said that the company would appeal against the ruling next week.", new string[0])]
    [InlineData("Northwind spokesman Pieter de Vries said that Northwind would appeal against the ruling next week.", new[] { "Northwind" })]
    [InlineData("Union leader Ana Ruiz said that the company would lose the appeal.", new[] { "Northwind" })]
    public void Speakers_own_organisation_is_their_target_only_where_they_name_it(string text, string[] expected)
    {
        // Given
        var targets = new[] { StanceTarget.Parse("Northwind|the company") };

        // When
        var (found, _) = DefaultTargets(text, text.Contains("Ruiz") ? "Ana Ruiz" : "Pieter de Vries", targets);

        // Then
        Assert.Equal(expected, found);
    }

    [Fact]
    public void Without_targets_a_port_named_as_a_modifier_and_after_port_of_is_not_a_target()
    {
        // When
        var (found, _) = DefaultTargets(
            "Talks on the Velna grain corridor went on. Gleb Marinov said that Anton Ilyashev wanted the ships to leave the port of Velna by May.", "Gleb Marinov");

        // Then
        Assert.Equal(["Anton Ilyashev"], found);
    }
}
