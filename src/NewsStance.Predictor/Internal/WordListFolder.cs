using System.Collections.Frozen;

namespace NewsStance.Internal;

/// <summary>
/// A folder of word lists kept as data: one embedded file per list, one entry a line, <c>#</c> lines are
/// comments. The rules' general lists (<c>Internal/Words/</c>), the quote finder's (<c>Quotes/Words/</c>) and
/// the mention finder's (<c>Mentions/Words/</c>) are read through the same code.
/// </summary>
internal sealed class WordListFolder
{
    /// <summary>The lists of abbreviations, reporting verbs, titles, roles, sources and names (<see cref="Lexicon"/>).</summary>
    public static readonly WordListFolder Rules = new("Words");

    /// <summary>The lists the quote finder's frames use (<see cref="Quotes.QuoteWords"/>).</summary>
    public static readonly WordListFolder Quotes = new("Quotes.Words");

    /// <summary>The lists the mention finder and entity resolver use (<see cref="Mentions.MentionWords"/>).</summary>
    public static readonly WordListFolder Mentions = new("Mentions.Words");

    private readonly string _prefix;

    private WordListFolder(string folder)
    {
        Name = folder.Replace('.', '/');
        _prefix = "NewsStance.Internal." + folder + ".";
    }

    /// <summary>The folder, as written under <c>Internal/</c>.</summary>
    public string Name { get; }

    /// <summary>The names of the folder's embedded list files.</summary>
    public IEnumerable<string> FileNames => typeof(WordListFolder).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(_prefix, StringComparison.Ordinal)).Select(n => n[_prefix.Length..]);

    /// <summary>The entries of one list file as written, in order (comments and blank lines left out).</summary>
    public IReadOnlyList<string> Entries(string fileName)
    {
        using var stream = typeof(WordListFolder).Assembly.GetManifestResourceStream(_prefix + fileName)
            ?? throw new InvalidOperationException($"Word list {Name}/{fileName} is not embedded in {typeof(WordListFolder).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith('#')).ToList();
    }

    /// <summary>One list as a set for lookups; they ignore case unless another <paramref name="comparer"/> is given.</summary>
    public FrozenSet<string> Load(string fileName, StringComparer? comparer = null)
        => Entries(fileName).ToFrozenSet(comparer ?? StringComparer.OrdinalIgnoreCase);

    public override string ToString() => Name;
}
