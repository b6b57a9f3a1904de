using System.Collections.Frozen;

namespace NewsStance.Internal.Quotes;

/// <summary>
/// The word lists the quote finder's frames use, kept as data: one file per list in <c>Quotes/Words/</c>
/// (embedded), one lower-case word a line, <c>#</c> lines are comments. Lookups ignore case.
/// </summary>
internal static class QuoteWords
{
    public static readonly FrozenSet<string> AuxiliariesAndAdverbs = Load("aux-and-adverbs.txt");
    public static readonly FrozenSet<string> DaysAndTimes = Load("days-and-times.txt");
    public static readonly FrozenSet<string> ObjectPronouns = Load("object-pronouns.txt");
    public static readonly FrozenSet<string> NotCallComplements = Load("not-call-complements.txt");
    public static readonly FrozenSet<string> AsideOpeners = Load("aside-openers.txt");
    public static readonly FrozenSet<string> PrepositionParticiples = Load("preposition-participles.txt");
    public static readonly FrozenSet<string> FrontedPhraseOpeners = Load("fronted-phrase-openers.txt");
    public static readonly FrozenSet<string> ClauseStarts = Load("clause-starts.txt");
    public static readonly FrozenSet<string> SubjectStarts = Load("subject-starts.txt");
    public static readonly FrozenSet<string> TrailerAdverbialStarts = Load("trailer-adverbial-starts.txt");
    public static readonly FrozenSet<string> ContentAdverbialStarts = Load("content-adverbial-starts.txt");
    public static readonly FrozenSet<string> NonContentObjects = Load("non-content-objects.txt");
    public static readonly FrozenSet<string> ShortAnswers = Load("short-answers.txt");
    public static readonly FrozenSet<string> ThingObjectVerbs = Load("thing-object-verbs.txt");
    public static readonly FrozenSet<string> CommissiveVerbs = Load("commissive-verbs.txt");
    public static readonly FrozenSet<string> AddresseeVerbs = Load("addressee-verbs.txt");
    public static readonly FrozenSet<string> AddresseeNouns = Load("addressee-nouns.txt");
    public static readonly FrozenSet<string> SourcePostModifierStarts = Load("source-post-modifier-starts.txt");
    public static readonly FrozenSet<string> ParticipleAdverbialStarts = Load("participle-adverbial-starts.txt");
    public static readonly FrozenSet<string> TimePhraseWords = Load("time-phrase-words.txt");
    public static readonly FrozenSet<string> ContinuationBreakers = Load("continuation-breakers.txt");
    public static readonly FrozenSet<string> SourceAsideOpeners = Load("source-aside-openers.txt");
    public static readonly FrozenSet<string> FiniteAuxiliaries = Load("finite-auxiliaries.txt");
    public static readonly FrozenSet<string> ModalAuxiliaries = Load("modal-auxiliaries.txt");
    public static readonly FrozenSet<string> ObjectContentVerbs = Load("object-content-verbs.txt");
    public static readonly FrozenSet<string> Subordinators = Load("subordinators.txt");
    public static readonly FrozenSet<string> QuestionVerbs = Load("question-verbs.txt");
    public static readonly FrozenSet<string> QuestionStarts = Load("question-starts.txt");
    public static readonly FrozenSet<string> TopicVerbs = Load("topic-verbs.txt");
    public static readonly FrozenSet<string> ColumnLabels = Load("column-labels.txt");
    public static readonly FrozenSet<string> FindingLabels = Load("finding-labels.txt");
    public static FrozenSet<string> TitleCaseMinorWords => Lexicon.TitleCaseMinorWords;
    public static readonly FrozenSet<string> PublishingVerbs = Load("publishing-verbs.txt");
    public static readonly FrozenSet<string> Catenatives = Load("catenatives.txt");
    public static readonly FrozenSet<string> OnToVerbs = Load("on-to-verbs.txt");
    public static readonly FrozenSet<string> DegreeAdverbs = Load("degree-adverbs.txt");
    public static FrozenSet<string> StatementNouns => Lexicon.StatementNouns;
    public static FrozenSet<string> CommitmentNouns => Lexicon.CommitmentNouns;

    /// <summary>Where these lists are kept.</summary>
    public static WordListFolder Folder => WordListFolder.Quotes;

    private static FrozenSet<string> Load(string fileName) => Folder.Load(fileName);
}
