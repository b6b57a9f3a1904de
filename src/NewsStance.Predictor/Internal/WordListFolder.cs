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
        // Read line by line over the text, not with Split and LINQ: every start-up reads some 50,000 lines.
        var text = reader.ReadToEnd();
        var entries = new List<string>();
        foreach (var range in text.AsSpan().Split('\n'))
        {
            var line = text.AsSpan(range).Trim();
            if (line.Length > 0 && line[0] != '#') entries.Add(line.ToString());
        }
        return entries;
    }

    /// <summary>One list as a set for lookups; they ignore case unless another <paramref name="comparer"/> is given.</summary>
    public FrozenSet<string> Load(string fileName, StringComparer? comparer = null)
        => Entries(fileName).ToFrozenSet(comparer ?? StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// A list of thousands of entries, asked about a few times an article, as a case-insensitive set. A
    /// <see cref="HashSet{T}"/> builds about ten times faster than a <see cref="FrozenSet{T}"/>, which for the
    /// 35,000 given names cost every start-up some 25 ms to save nanoseconds on rare lookups.
    /// </summary>
    public IReadOnlySet<string> LoadLong(string fileName)
        => new HashSet<string>(Entries(fileName), StringComparer.OrdinalIgnoreCase);

    public override string ToString() => Name;
}
