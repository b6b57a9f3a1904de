using NewsStance.Internal.Quotes;

namespace NewsStance.Tests.Quotes;

/// <summary>The quote finder's word lists are data files: each must load, and hold each word once, in lower case.</summary>
public sealed class QuoteWordsTests
{
    public static TheoryData<string> Files() => new(QuoteWords.FileNames.Order(StringComparer.Ordinal));

    [Fact]
    public void Every_list_the_quote_finder_uses_is_embedded()
    {
        // When
        var names = QuoteWords.FileNames.ToList();

        // Then: the static lists loaded (a missing file would have thrown) and none is empty
        Assert.True(names.Count >= 11, string.Join(", ", names));
        Assert.NotEmpty(QuoteWords.AuxiliariesAndAdverbs);
        Assert.Contains("reportedly", (IReadOnlySet<string>)QuoteWords.AuxiliariesAndAdverbs);
        Assert.Contains("Reporters", (IReadOnlySet<string>)QuoteWords.AddresseeNouns); // lookups ignore case
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Word_list_has_no_duplicates(string file)
    {
        // When
        var entries = QuoteWords.Entries(file);

        // Then
        var duplicates = entries.GroupBy(e => e, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"{file} lists more than once: {string.Join(", ", duplicates)}");
        Assert.NotEmpty(entries);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Word_list_entries_are_single_lower_case_words(string file)
    {
        // When
        var entries = QuoteWords.Entries(file);

        // Then
        Assert.All(entries, e => Assert.True(e == e.ToLowerInvariant() && !e.Contains(' '), $"{file}: \"{e}\""));
    }
}
