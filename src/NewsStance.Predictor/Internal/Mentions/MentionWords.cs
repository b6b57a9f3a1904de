using System.Collections.Frozen;

namespace NewsStance.Internal.Mentions;

/// <summary>
/// The word lists the mention finder and entity resolver use, kept as data: one file per list in <c>Mentions/Words/</c>
/// (embedded), one lower-case word a line, <c>#</c> lines are comments. Lookups ignore case.
/// </summary>
internal static class MentionWords
{
    private const string Prefix = "NewsStance.Internal.Mentions.Words.";

    public static readonly FrozenSet<string> InterviewerLabels = Load("interviewer-labels.txt");
    public static readonly FrozenSet<string> JournalistRoles = Load("journalist-roles.txt");

    /// <summary>The names of all embedded list files.</summary>
    public static IEnumerable<string> FileNames => typeof(MentionWords).Assembly.GetManifestResourceNames()
        .Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)).Select(n => n[Prefix.Length..]);

    /// <summary>The entries of one list file as written, in order (comments and blank lines left out).</summary>
    public static IReadOnlyList<string> Entries(string fileName)
    {
        using var stream = typeof(MentionWords).Assembly.GetManifestResourceStream(Prefix + fileName)
            ?? throw new InvalidOperationException($"Word list {fileName} is not embedded in {typeof(MentionWords).Assembly.GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(l => !l.StartsWith('#')).ToList();
    }

    private static FrozenSet<string> Load(string fileName) => Entries(fileName).ToFrozenSet(StringComparer.OrdinalIgnoreCase);
}
