using NewsStance.Internal;

namespace NewsStance.Tests;

/// <summary>Every word list the rules read is a data file: each must load, and hold each entry once, in lower case.</summary>
public sealed class WordListTests
{
    private static readonly WordListFolder[] Folders = [WordListFolder.Rules, WordListFolder.Quotes, WordListFolder.Mentions];

    // The only lists whose entries hold spaces: a verb's forms on one line, and country names of several words.
    private static readonly string[] ListsWithSpaces = ["Words/irregular-verbs.txt", "Words/countries.txt", "Mentions/Words/title-abbreviation-roles.txt"];

    public static TheoryData<string, string> Files()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Folders)
            foreach (var file in folder.FileNames.Order(StringComparer.Ordinal)) data.Add(folder.Name, file);
        return data;
    }

    [Fact]
    public void Every_folder_holds_lists()
    {
        // Then: a folder left out of the project's embedded resources would be empty here
        Assert.All(Folders, f => Assert.NotEmpty(f.FileNames));
    }

    [Fact]
    public void A_missing_list_is_named_in_the_error()
    {
        // When
        var e = Assert.Throws<InvalidOperationException>(() => WordListFolder.Quotes.Entries("no-such-list.txt"));

        // Then
        Assert.Contains("Quotes/Words/no-such-list.txt", e.Message);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Word_list_has_no_duplicates(string folder, string file)
    {
        // When
        var entries = Folders.Single(f => f.Name == folder).Entries(file);

        // Then
        var duplicates = entries.GroupBy(e => e, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        Assert.True(duplicates.Count == 0, $"{folder}/{file} lists more than once: {string.Join(", ", duplicates)}");
        Assert.NotEmpty(entries);
    }

    [Theory]
    [MemberData(nameof(Files))]
    public void Word_list_entries_are_lower_case_words(string folder, string file)
    {
        // When
        var entries = Folders.Single(f => f.Name == folder).Entries(file);

        // Then
        bool spaces = ListsWithSpaces.Contains($"{folder}/{file}");
        Assert.All(entries, e => Assert.True(e == e.ToLowerInvariant() && (spaces ? !e.Contains("  ") : !e.Contains(' ')), $"{folder}/{file}: \"{e}\""));
    }
}
