using NewsStance.Internal.Mentions;

namespace NewsStance.Tests.Mentions;

/// <summary>The mention finder's word lists load (the lists themselves: WordListTests).</summary>
public sealed class MentionWordsTests
{
    [Fact]
    public void Every_list_the_mention_finder_uses_is_embedded()
    {
        // When
        var names = MentionWords.Folder.FileNames.ToList();

        // Then: the static lists loaded (a missing file would have thrown) and none is empty
        Assert.True(names.Count >= 2, string.Join(", ", names));
        Assert.Contains("reporter", (IReadOnlySet<string>)MentionWords.JournalistRoles);
        Assert.Contains("Q", (IReadOnlySet<string>)MentionWords.InterviewerLabels); // lookups ignore case
    }
}
