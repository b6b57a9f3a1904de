using NewsStance.Internal.Mentions;
using NewsStance.Tests.TestSupport;

namespace NewsStance.Tests.Mentions;

public sealed class ArticleWordSetTests
{
    [Fact]
    public void Holds_the_words_of_the_tokens_added_as_written()
    {
        // Given
        var article = Articles.Read("Negotiations resumed. The negotiations failed, the union said.");
        var words = new ArticleWordSet(article);

        // When every lower-case word's token is added
        for (int i = 0; i < article.Tokens.Length; i++)
            if (char.IsLower(article.Text[article.Tokens[i].Start])) words.Add(i);

        // Then its words are found by their characters, other words and other spellings are not
        Assert.True(words.Contains("negotiations"));
        Assert.True(words.Contains("union".AsSpan()));
        Assert.True(words.Contains("said"));
        Assert.False(words.Contains("Negotiations"));
        Assert.False(words.Contains("The"));
        Assert.False(words.Contains("negotiation"));
        Assert.False(words.Contains(""));
    }

    [Fact]
    public void A_word_added_from_several_tokens_is_found_and_its_prefix_is_not()
    {
        // Given
        var article = Articles.Read("the the the");
        var words = new ArticleWordSet(article);

        // When
        for (int i = 0; i < article.Tokens.Length; i++) words.Add(i);

        // Then
        Assert.True(words.Contains("the"));
        Assert.False(words.Contains("th"));
    }
}
