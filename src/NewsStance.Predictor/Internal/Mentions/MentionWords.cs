using System.Collections.Frozen;

namespace NewsStance.Internal.Mentions;

/// <summary>
/// The word lists the mention finder and entity resolver use, kept as data: one file per list in <c>Mentions/Words/</c>
/// (embedded), one lower-case word a line, <c>#</c> lines are comments. Lookups ignore case.
/// </summary>
internal static class MentionWords
{
    public static readonly FrozenSet<string> InterviewerLabels = Load("interviewer-labels.txt");
    public static readonly FrozenSet<string> JournalistRoles = Load("journalist-roles.txt");

    /// <summary>Where these lists are kept.</summary>
    public static WordListFolder Folder => WordListFolder.Mentions;

    private static FrozenSet<string> Load(string fileName) => Folder.Load(fileName);
}
