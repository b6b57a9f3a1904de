using System.Collections.Frozen;

namespace NewsStance.Internal;

/// <summary>
/// The word lists the rules use: abbreviations, reporting verbs and their forms, titles, role nouns,
/// anonymous and document sources, organisations, pronouns and first names. The lists are data: one file
/// per list in <c>Internal/Words/</c> (embedded), one lower-case entry a line, <c>#</c> lines are comments.
/// This class says how they are used. Lookups are case-insensitive unless said otherwise.
/// </summary>
internal static class Lexicon
{
    private static readonly StringComparer Ci = StringComparer.OrdinalIgnoreCase;

    public static bool IsQuoteMark(char c) => c is '"' or '“' or '”' or '«' or '»' or '„' or '‘' or '’' or '\'' or '‹' or '›';
    public static bool IsDoubleQuoteMark(char c) => c is '"' or '“' or '”' or '«' or '»' or '„';

    /// <summary>A quotation-mark token that delimits quotations: a double mark, or '' / `` standing for one.</summary>
    public static bool IsDoubleQuoteToken(string text, int start, int length)
        => IsDoubleQuoteMark(text[start]) || length == 2 && (text[start] == '\'' || text[start] == '`');

    /// <summary>The opening/closing nature of a quote token: '' closes when open, `` always opens.</summary>
    public static char Normalize(string text, int start, int length)
        => length == 2 ? (text[start] == '`' ? '“' : '"') : text[start];

    // ---- abbreviations -------------------------------------------------------------------------

    private static readonly FrozenSet<string> Titles = Load("titles.txt");

    private static readonly FrozenSet<string> OtherAbbreviations = Load("abbreviations.txt");

    /// <summary>True when the word before a period is an abbreviation or an initial, so the period is part of it.</summary>
    public static bool TakesPeriod(ReadOnlySpan<char> word, string text, int periodAt)
    {
        if (word.Length == 1 && char.IsLetter(word[0])) return true; // initials: J. R. Smith; U.S. starts with U.
        var key = word.ToString();
        if (Titles.Contains(key)) return true;
        if (OtherAbbreviations.Contains(key)) return key != "no" || NumberFollows(text, periodAt);
        // U.S. / a.m. arrive as "U" then ".S": handled by the single-letter rule and the loop in the tokenizer.
        return false;
    }

    private static bool NumberFollows(string text, int periodAt)
    {
        int i = periodAt + 1;
        while (i < text.Length && text[i] == ' ') i++;
        return i < text.Length && char.IsDigit(text[i]);
    }

    /// <summary>True for abbreviations that may end a sentence (U.S., Inc., a.m.), unlike titles (Mr., Dr.).</summary>
    public static bool AbbreviationCanEndSentence(ReadOnlySpan<char> tokenWithPeriod)
    {
        var key = tokenWithPeriod[..^1].ToString();
        if (key.Length == 1) return false;
        return !Titles.Contains(key);
    }

    public static bool IsTitleAbbreviation(ReadOnlySpan<char> token)
        => token.Length > 1 && token[^1] == '.' && Titles.Contains(token[..^1].ToString());

    private static readonly FrozenSet<string> SentenceStarters = Load("sentence-starters.txt");

    public static bool IsSentenceStarter(ReadOnlySpan<char> w) => SentenceStarters.Contains(w.ToString());

    // ---- reporting verbs ----------------------------------------------------------------------

    /// <summary>Speech and writing verbs (lemmas), in file order. Their inflected forms are generated below.</summary>
    private static readonly IReadOnlyList<string> ReportingLemmas = Entries("reporting-verbs.txt");

    /// <summary>Each irregular verb's forms (the lemma among them), by lemma.</summary>
    private static readonly Dictionary<string, string[]> Irregular = Entries("irregular-verbs.txt")
        .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToDictionary(forms => forms[0], Ci);

    private static readonly FrozenSet<string> Doubling = Load("doubled-consonant-verbs.txt");

    private static readonly FrozenDictionary<string, string> ReportingForms = BuildForms();

    private static FrozenDictionary<string, string> BuildForms()
    {
        var d = new Dictionary<string, string>(Ci);
        foreach (var lemma in ReportingLemmas)
            foreach (var f in Inflect(lemma)) d.TryAdd(f, lemma);
        return d.ToFrozenDictionary(Ci);
    }

    private static IEnumerable<string> Inflect(string l)
    {
        if (Irregular.TryGetValue(l, out var forms)) return forms;
        var r = new List<string> { l };
        bool cy = l.EndsWith('y') && l.Length > 2 && !"aeiou".Contains(l[^2]);
        if (cy) { r.Add(l[..^1] + "ies"); r.Add(l[..^1] + "ied"); r.Add(l + "ing"); return r; }
        r.Add(l.EndsWith('s') || l.EndsWith("sh") || l.EndsWith("ch") || l.EndsWith('x') || l.EndsWith('o') ? l + "es" : l + "s");
        if (l.EndsWith('e')) { r.Add(l + "d"); r.Add(l[..^1] + "ing"); }
        else if (Doubling.Contains(l)) { r.Add(l + l[^1] + "ed"); r.Add(l + l[^1] + "ing"); }
        else { r.Add(l + "ed"); r.Add(l + "ing"); }
        return r;
    }

    /// <summary>The lemma of a reporting-verb form (<c>stressed</c> → <c>stress</c>), or null.</summary>
    public static string? ReportingLemma(ReadOnlySpan<char> word)
        => ReportingFormsBySpan.TryGetValue(word, out var l) ? l : null; // no string made: it is asked of most tokens

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> ReportingFormsBySpan
        = ReportingForms.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Forms of the verbs that report speech only after a quotation ("…," he continued.), by form.</summary>
    private static readonly FrozenDictionary<string, string> TrailerOnlyForms
        = Entries("trailer-only-verbs.txt").SelectMany(l => Inflect(l).Select(f => (f, l))).DistinctBy(p => p.f, Ci).ToFrozenDictionary(p => p.f, p => p.l, Ci);

    /// <summary>
    /// The lemma of a verb that reports speech only as the attribution after a quotation (<c>continued</c> → <c>continue</c>),
    /// or null. Not a reporting verb elsewhere, so kept out of <see cref="ReportingLemma"/>.
    /// </summary>
    public static string? TrailerOnlyLemma(ReadOnlySpan<char> word) => TrailerOnlyFormsBySpan.TryGetValue(word, out var l) ? l : null;

    private static readonly FrozenDictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> TrailerOnlyFormsBySpan
        = TrailerOnlyForms.GetAlternateLookup<ReadOnlySpan<char>>();

    // The next lists are looked up as written (lower case), like the lemmas they are asked about.
    private static readonly FrozenSet<string> ParticleVerbs = Load("particle-verbs.txt", StringComparer.Ordinal);
    private static readonly FrozenSet<string> NounAmbiguousVerbs = Load("noun-ambiguous-verbs.txt", StringComparer.Ordinal);
    private static readonly FrozenSet<string> CoreSpeechVerbs = Load("core-speech-verbs.txt", StringComparer.Ordinal);

    /// <summary>Verbs that introduce speech only with a particle or object: "pointed out", "called for".</summary>
    public static bool NeedsParticle(string lemma) => ParticleVerbs.Contains(lemma);

    /// <summary>Reporting verbs whose base and -s forms are as often nouns: "the state", "his comments".</summary>
    public static bool IsNounAmbiguous(string lemma) => NounAmbiguousVerbs.Contains(lemma);

    /// <summary>Verbs whose bare use is strong enough to start an indirect quote with no "that" after them.</summary>
    public static bool IsCoreSpeechVerb(string lemma) => CoreSpeechVerbs.Contains(lemma);

    /// <summary>
    /// A word shaped like a participle ("Asked", "Speaking", "Chastened"): five letters or more ending in -ed or -ing,
    /// in any case, and not "according" ("According to X" names a source, it opens no participle phrase).
    /// </summary>
    public static bool IsParticipleForm(string word)
        => word.Length >= 5 && (word.EndsWith("ed", StringComparison.OrdinalIgnoreCase) || word.EndsWith("ing", StringComparison.OrdinalIgnoreCase))
           && !word.Equals("according", StringComparison.OrdinalIgnoreCase);

    // ---- mentions -------------------------------------------------------------------------------

    public static readonly FrozenSet<string> SubjectPronouns = Load("subject-pronouns.txt");

    /// <summary><see cref="SubjectPronouns"/> asked of a token not made a string (the mention finder asks it of most words).</summary>
    public static bool IsSubjectPronoun(ReadOnlySpan<char> word) => SubjectPronounsBySpan.Contains(word);

    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> SubjectPronounsBySpan = SubjectPronouns.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Person role nouns: "the spokesman", "the minister", and compounds of them: "the vice-chair".</summary>
    public static readonly RoleNouns PersonRoles = new(Load("person-roles.txt"), Load("role-prefixes.txt"));

    /// <summary>Organisation nouns that can head a speaker mention: "the ministry said".</summary>
    public static readonly FrozenSet<string> OrganizationHeads = Load("organization-heads.txt");

    /// <summary>Unnamed sources: "officials said", "a source familiar with…".</summary>
    public static readonly FrozenSet<string> AnonymousHeads = Load("anonymous-heads.txt");

    /// <summary>Documents that can be sources: "the report says".</summary>
    public static readonly FrozenSet<string> DocumentHeads = Load("document-heads.txt");

    // The three lists above looked up by span: the mention finder asks them of every lower-case word.
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> OrganizationHeadsBySpan = OrganizationHeads.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> AnonymousHeadsBySpan = AnonymousHeads.GetAlternateLookup<ReadOnlySpan<char>>();
    public static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> DocumentHeadsBySpan = DocumentHeads.GetAlternateLookup<ReadOnlySpan<char>>();

    public static readonly FrozenSet<string> Determiners = Load("determiners.txt");

    /// <summary>Nouns of saying whose content is a "that" clause ("his claim that …"): cues for quotes, and what makes a possessive pronoun a speaker.</summary>
    public static readonly FrozenSet<string> StatementNouns = Load("statement-nouns.txt");

    /// <summary>Nouns of promising and demanding whose content is a "to" infinitive ("her promise to …").</summary>
    public static readonly FrozenSet<string> CommitmentNouns = Load("commitment-nouns.txt");

    /// <summary>Capitalised words that start sentences but are not names.</summary>
    public static readonly FrozenSet<string> NotNames = Load("not-names.txt");

    /// <summary>"Ilyashev's", "CNN’s": a word of three or more characters that ends in a possessive 's (either apostrophe).</summary>
    public static bool EndsWithPossessive(ReadOnlySpan<char> word)
        => word.Length > 2 && (word.EndsWith("'s", StringComparison.Ordinal) || word.EndsWith("’s", StringComparison.Ordinal));

    /// <summary>The short words a headline leaves in lower case ("of", "the", "to"); read by the mention and quote stages alike.</summary>
    public static readonly FrozenSet<string> TitleCaseMinorWords = Load("title-case-minor-words.txt");

    /// <summary>Words that mark an organisation when they are part of a capitalised name.</summary>
    public static readonly FrozenSet<string> OrganizationWords = Load("organization-words.txt");

    /// <summary>Countries and large regions that can speak as organisations ("Russia insists").</summary>
    public static readonly FrozenSet<string> Countries = Load("countries.txt");

    private static readonly FrozenSet<string> FemaleNames = Load("female-names.txt");

    private static readonly FrozenSet<string> MaleNames = Load("male-names.txt");

    // Asked about a lower-cased word, as written.
    private static readonly FrozenSet<string> MaleTitles = Load("male-titles.txt", StringComparer.Ordinal);
    private static readonly FrozenSet<string> FemaleTitles = Load("female-titles.txt", StringComparer.Ordinal);
    private static readonly FrozenSet<string> NameTitleWords = Load("name-title-words.txt", StringComparer.Ordinal);

    private static readonly IReadOnlySet<string> GivenNamesMale = Folder.LoadLong("given-names-male.txt");

    private static readonly IReadOnlySet<string> GivenNamesFemale = Folder.LoadLong("given-names-female.txt");

    /// <summary>Gender a first name suggests: +1 male, −1 female, 0 unknown.</summary>
    public static int FirstNameGender(string name)
        => MaleNames.Contains(name) ? 1 : FemaleNames.Contains(name) ? -1 : 0;

    /// <summary>
    /// Gender the first word of a name of two or more words suggests ("Ivanka Trump", "Cornel West"): the known first
    /// names, then the longer lists of given names, which are read only before a surname (alone, "Carson" or "Warren"
    /// is as often a surname).
    /// </summary>
    public static int GivenNameGender(string firstWord)
    {
        int known = FirstNameGender(firstWord);
        if (known != 0) return known;
        return GivenNamesMale.Contains(firstWord) ? 1 : GivenNamesFemale.Contains(firstWord) ? -1 : 0;
    }

    /// <summary>Gender a title or role suggests: +1 male, −1 female, 0 unknown.</summary>
    public static int TitleGender(string word)
    {
        var w = word.ToLowerInvariant().TrimEnd('.');
        return MaleTitles.Contains(w) ? 1 : FemaleTitles.Contains(w) ? -1 : 0;
    }

    /// <summary>Capitalised titles that may precede a name: "President", "Sen.", "Foreign Minister".</summary>
    public static bool IsNameTitle(string word)
    {
        var w = word.TrimEnd('.').ToLowerInvariant();
        return Titles.Contains(w) || PersonRoles.Contains(w) || NameTitleWords.Contains(w);
    }

    /// <summary>Where these lists are kept.</summary>
    public static WordListFolder Folder => WordListFolder.Rules;

    private static IReadOnlyList<string> Entries(string fileName) => Folder.Entries(fileName);

    private static FrozenSet<string> Load(string fileName, StringComparer? comparer = null) => Folder.Load(fileName, comparer);
}
