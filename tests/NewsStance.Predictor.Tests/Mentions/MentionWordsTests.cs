using NewsStance.Internal.Mentions;

namespace NewsStance.Tests.Mentions;

/// <summary>The mention finder's word lists are data files: each must load, and hold each word once, in lower case.</summary>
public sealed class MentionWordsTests
{
    public static TheoryData<string> Files() => new(MentionWords.FileNames.Order(StringComparer.Ordinal));

    [Fact]
    public void Every_list_the_mention_finder_uses_is_embedded()
    {
        // When
        var names = MentionWords.FileNames.ToList();

        // Then: the static lists loaded (a missing file would have thrown) and none is empty
        Assert.True(names.Count >= 2, string.Join(", ", names));
        Assert.Contains("reporter", (IReadOnlySet<string>)MentionWords.JournalistRoles);
        Assert.Contains("Q", (IReadOnlySet<string>)MentionWords.InterviewerLabels); // lookups ignore case
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Word_list_has_no_duplicates(string file)
    {
        // When
        var entries = MentionWords.Entries(file);

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
        var entries = MentionWords.Entries(file);

        // Then
        Assert.All(entries, e => Assert.True(e == e.ToLowerInvariant() && !e.Contains(' '), $"{file}: \"{e}\""));
    }
}
