using NewsStance.Internal.Quotes;

namespace NewsStance.Tests.Quotes;

/// <summary>The quote finder's word lists load (the lists themselves: WordListTests).</summary>
public sealed class QuoteWordsTests
{
    [Fact]
    public void Every_list_the_quote_finder_uses_is_embedded()
    {
        // When
        var names = QuoteWords.Folder.FileNames.ToList();

        // Then: the static lists loaded (a missing file would have thrown) and none is empty
        Assert.True(names.Count >= 11, string.Join(", ", names));
        Assert.NotEmpty(QuoteWords.AuxiliariesAndAdverbs);
        Assert.Contains("reportedly", (IReadOnlySet<string>)QuoteWords.AuxiliariesAndAdverbs);
        Assert.Contains("Reporters", (IReadOnlySet<string>)QuoteWords.AddresseeNouns); // lookups ignore case
    }
}
