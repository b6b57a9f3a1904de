using NewsStance.Internal.Mentions;
using NewsStance.Internal.Quotes;
using NewsStance.Internal.Stance;
using NewsStance.Tests.TestSupport;

namespace NewsStance.Tests.Stance;

public sealed class StanceTargetsTests
{
    private static (QuoteCandidate Quote, List<Mention> Mentions, string QuoteText) OnlyQuote(string text)
    {
        var article = Articles.Read(text);
        var mentions = MentionFinder.Find(article);
        _ = new EntityResolver(mentions);
        var quote = Assert.Single(QuoteFinder.Find(article, mentions));
        return (quote, mentions, string.Join(" ", quote.Content.Select(article.TextOf)));
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
        var (quote, mentions, quoteText) = OnlyQuote("Lars Berg said that the mayor had failed the city and must resign.");
        var targets = new[] { StanceTarget.Parse("Ana Ruiz|the mayor"), StanceTarget.Parse("Tom Baker|the chief") };

        // When
        var found = StanceTargets.For(quoteText, targets, mentions, quote, speaker: null).ToList();

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
        var speaker = mentions.Single(m => m.Core == "Lars Berg").Entity;

        // When
        var found = StanceTargets.For(quoteText, null, mentions, quote, speaker).Select(f => f.Target).ToList();

        // Then
        Assert.Equal(new[] { "Ana Ruiz", "Tom Baker" }, found);
    }

    [Fact]
    public void Quote_that_names_no_entity_gets_no_target()
    {
        // Given
        var (quote, mentions, quoteText) = OnlyQuote("Lars Berg said that the weather would improve by the weekend.");

        // When
        var found = StanceTargets.For(quoteText, [], mentions, quote, speaker: null);

        // Then
        Assert.Empty(found);
    }

    [Fact]
    public void A_lone_capitalised_word_opening_the_quote_is_not_a_target_but_a_named_entity_is()
    {
        // Given: "Negotiations" opens the reported clause and is never mentioned again
        var (quote, mentions, quoteText) = OnlyQuote(
            "Negotiations on the corridor are moving forward because President Anton Ilyashev has shown patience, Gleb Marinov said.");

        // When
        var found = StanceTargets.For(quoteText, null, mentions, quote, speaker: null).Select(f => f.Target).ToList();

        // Then
        Assert.DoesNotContain("Negotiations", found);
        Assert.Contains("Anton Ilyashev", found);
    }
}
