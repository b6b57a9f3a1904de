using System.Collections.Frozen;

namespace NewsStance.Internal.Mentions;

/// <summary>
/// The word lists the mention finder and entity resolver use, kept as data: one file per list in <c>Mentions/Words/</c>
/// (embedded), one lower-case word a line, <c>#</c> lines are comments. Lookups ignore case unless said otherwise.
/// </summary>
internal static class MentionWords
{
    public static readonly FrozenSet<string> InterviewerLabels = Load("interviewer-labels.txt");
    public static readonly FrozenSet<string> IntervieweeLabels = Load("interviewee-labels.txt");
    public static readonly FrozenSet<string> JournalistRoles = Load("journalist-roles.txt");
    public static readonly FrozenSet<string> OrganizationBackReferences = Load("organization-back-references.txt");
    public static readonly FrozenSet<string> SubjectVerbFillers = Load("subject-verb-fillers.txt", StringComparer.Ordinal);
    public static readonly FrozenSet<string> HeadlineAuxiliaries = Load("headline-auxiliaries.txt");
    public static readonly FrozenSet<string> LocativeWords = Load("locative-words.txt");
    public static readonly FrozenSet<string> PlaceHeads = Load("place-heads.txt");
    public static readonly FrozenSet<string> PlaceOfHeads = Load("place-of-heads.txt");
    public static readonly FrozenSet<string> PlaceNameEnds = Load("place-name-ends.txt");
    public static readonly FrozenSet<string> PartyLabels = Load("party-labels.txt");
    public static readonly FrozenSet<string> RelationalRoles = Load("relational-roles.txt");

    /// <summary>Abbreviated titles (without their period) and the role nouns each stands for: "sen" → "senator".</summary>
    public static readonly FrozenDictionary<string, string[]> TitleAbbreviationRoles = Folder.Entries("title-abbreviation-roles.txt")
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        .ToFrozenDictionary(words => words[0], words => words[1..], StringComparer.OrdinalIgnoreCase);
    public static readonly FrozenSet<string> OpeningWords = Load("opening-words.txt");
    public static readonly FrozenSet<string> ShareWords = Load("share-words.txt");
    public static readonly FrozenSet<string> ShareApproximators = Load("share-approximators.txt");
    public static readonly FrozenSet<string> NumberWords = Load("number-words.txt");
    public static readonly FrozenSet<string> PolledParticiples = Load("polled-participles.txt");
    public static readonly FrozenSet<string> PhraseBreakers = Load("phrase-breakers.txt");
    public static readonly FrozenSet<string> Prepositions = Load("prepositions.txt");
    public static readonly FrozenSet<string> SayingVerbs = Load("saying-verbs.txt");
    public static readonly FrozenSet<string> TimeNouns = Load("time-nouns.txt");
    public static readonly FrozenSet<string> Ordinals = Load("ordinals.txt");

    // The same lists looked up by span, for the checks made of most tokens: no string is made of each token asked about.
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SubjectVerbFillersBySpan = SubjectVerbFillers.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ShareWordsBySpan = ShareWords.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> ShareApproximatorsBySpan = ShareApproximators.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> NumberWordsBySpan = NumberWords.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> PolledParticiplesBySpan = PolledParticiples.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> HeadlineAuxiliariesBySpan = HeadlineAuxiliaries.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Where these lists are kept.</summary>
    public static WordListFolder Folder => WordListFolder.Mentions;

    private static FrozenSet<string> Load(string fileName, StringComparer? comparer = null) => Folder.Load(fileName, comparer);
}
