using System.Collections.Frozen;

namespace NewsStance.Internal;

/// <summary>
/// The word lists the rules use: quotation marks, abbreviations, reporting verbs and their forms,
/// titles, role nouns, anonymous and document sources, organisations, pronouns and first names.
/// Lookups are case-insensitive unless said otherwise.
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

    private static readonly FrozenSet<string> Titles = Set(
        "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "lt", "gen", "col", "maj", "capt", "cpt", "sgt", "cmdr",
        "adm", "det", "insp", "supt", "rev", "fr", "hon", "pres", "amb", "atty", "st", "sr", "jr", "messrs", "mme", "mlle",
        "cllr", "cdr", "brig", "cpl", "pvt", "supt", "dep", "asst", "assoc", "sec", "gens");

    private static readonly FrozenSet<string> OtherAbbreviations = Set(
        "u.s", "u.k", "u.n", "e.u", "u.s.a", "a.m", "p.m", "no", "nos", "inc", "corp", "co", "ltd", "plc", "llc", "jan", "feb",
        "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
        "thurs", "fri", "sat", "sun", "vs", "etc", "approx", "dept", "est", "fig", "vol", "ave", "blvd", "rd", "mt", "ft",
        "d.c", "i.e", "e.g", "ph.d", "calif", "fla", "ill", "mass", "mich", "minn", "penn", "tenn", "tex", "va", "wash",
        "wis", "ariz", "colo", "conn", "del", "ga", "ind", "kan", "ky", "la", "md", "miss", "mo", "mont", "neb", "nev",
        "okla", "ore", "pa", "wyo", "n.y", "n.j", "n.m", "n.c", "s.c", "n.h", "n.d", "s.d", "r.i", "w.va", "al", "bros");

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

    private static readonly FrozenSet<string> SentenceStarters = Set(
        "the", "a", "an", "he", "she", "it", "they", "we", "i", "but", "and", "in", "on", "at", "this", "that", "these",
        "those", "his", "her", "their", "its", "there", "when", "while", "after", "before", "as", "if", "for", "mr.",
        "ms.", "mrs.", "dr.", "officials", "according", "however", "meanwhile", "still", "yet", "so", "some", "many");

    public static bool IsSentenceStarter(ReadOnlySpan<char> w) => SentenceStarters.Contains(w.ToString());

    // ---- reporting verbs ----------------------------------------------------------------------

    /// <summary>Speech and writing verbs (lemmas). Their inflected forms are generated below.</summary>
    private static readonly string[] ReportingLemmas =
    [
        "say", "tell", "add", "note", "stress", "insist", "argue", "claim", "warn", "deny", "acknowledge", "announce",
        "write", "tweet", "post", "explain", "suggest", "concede", "admit", "complain", "urge", "vow", "pledge",
        "promise", "predict", "recall", "reply", "respond", "ask", "declare", "maintain", "contend", "allege", "assert",
        "reiterate", "emphasise", "emphasize", "confirm", "disclose", "reveal", "remark", "observe", "comment",
        "caution", "lament", "boast", "joke", "quip", "hint", "signal", "signpost", "counter", "retort", "object", "protest",
        "estimate", "forecast", "report", "testify", "state", "affirm", "assure", "muse", "shout", "whisper", "sigh",
        "dismiss", "reject", "defend", "hail", "praise", "criticise", "criticize", "slam", "blast", "accuse",
        "condemn", "charge", "mention", "announce", "agree", "answer", "call", "cite", "demand", "describe", "discuss",
        "exclaim", "point", "propose", "recommend", "reckon", "repeat", "stipulate", "specify", "threaten",
        "underline", "underscore", "highlight", "inform", "advise", "brief", "concur", "conclude",
        "declaim", "elaborate", "grumble", "insinuate", "interject", "lash", "mutter", "opine", "plead", "proclaim",
        "question", "rail", "recount", "reassure", "relate", "remind", "reply", "scoff", "snap", "speculate", "swear",
        "teach", "testify", "urge", "venture", "wonder", "write", "yell", "admonish", "assess", "attest", "chide",
        "clarify", "contest", "correct", "counsel", "decry", "denounce", "dispute", "echo", "instruct", "lambast",
        "lambaste", "mock", "notify", "rebut", "refute", "retract", "scold", "sneer", "stipulate", "urge",
        "welcome", "applaud", "thank", "blame", "concede", "predict", "imply", "guarantee", "vouch",
    ];

    private static readonly Dictionary<string, string[]> Irregular = new(Ci)
    {
        ["say"] = ["say", "says", "said", "saying"],
        ["tell"] = ["tell", "tells", "told", "telling"],
        ["write"] = ["write", "writes", "wrote", "writing", "written"],
        ["swear"] = ["swear", "swears", "swore", "sworn", "swearing"],
        ["teach"] = ["teach", "teaches", "taught"],
        ["forecast"] = ["forecast", "forecasts", "forecasting", "forecasted"],
        ["speak"] = ["speak", "speaks", "spoke", "spoken", "speaking"],
    };

    private static readonly FrozenSet<string> Doubling = Set("admit", "quip", "slam", "snap", "rebut", "commit", "submit", "regret", "plan");

    private static readonly FrozenDictionary<string, string> ReportingForms = BuildForms();

    private static FrozenDictionary<string, string> BuildForms()
    {
        var d = new Dictionary<string, string>(Ci);
        foreach (var lemma in ReportingLemmas.Distinct())
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
        => ReportingForms.TryGetValue(word.ToString(), out var l) ? l : null;


    /// <summary>Verbs that introduce speech only with a particle or object: "pointed out", "called for".</summary>
    public static bool NeedsParticle(string lemma) => lemma is "point" or "call" or "lash" or "rail";

    /// <summary>Reporting verbs whose base and -s forms are as often nouns: "the state", "his comments".</summary>
    public static bool IsNounAmbiguous(string lemma) => lemma is "state" or "comment" or "note" or "remark" or "report" or "claim"
        or "post" or "charge" or "answer" or "question" or "protest" or "object" or "signal" or "hint" or "estimate" or "forecast"
        or "promise" or "pledge" or "vow" or "reply" or "response" or "respond" or "record" or "brief" or "counter" or "call"
        or "mention" or "demand" or "request" or "tweet" or "release" or "ruling" or "testify" or "indicate";

    /// <summary>Verbs whose bare use is strong enough to start an indirect quote with no "that" after them.</summary>
    public static bool IsCoreSpeechVerb(string lemma) => lemma is "say" or "tell" or "add" or "note" or "write"
        or "insist" or "argue" or "claim" or "warn" or "stress" or "explain" or "announce" or "acknowledge" or "predict"
        or "confirm" or "suggest" or "admit" or "concede" or "recall" or "reply" or "respond" or "declare" or "allege"
        or "assert" or "contend" or "maintain" or "reiterate" or "emphasise" or "emphasize" or "tweet" or "post"
        or "state" or "report" or "complain" or "deny" or "counter" or "observe" or "remark" or "agree" or "reveal"
        or "disclose" or "estimate" or "forecast" or "vow" or "pledge" or "promise" or "caution" or "hint" or "signal"
        or "testify" or "joke" or "quip" or "muse" or "boast" or "lament" or "retort" or "conclude" or "continue"
        or "affirm" or "assure" or "comment" or "mention" or "threaten" or "speculate" or "reason" or "reckon"
        or "underline" or "underscore" or "inform" or "remind" or "exclaim" or "answer" or "object" or "protest";


    // ---- mentions -------------------------------------------------------------------------------

    public static readonly FrozenSet<string> SubjectPronouns = Set("he", "she", "they", "it", "we", "i");

    /// <summary>Person role nouns: "the spokesman", "the minister".</summary>
    public static readonly FrozenSet<string> PersonRoles = Set(
        "spokesman", "spokeswoman", "spokesperson", "minister", "president", "premier", "chancellor", "senator",
        "governor", "mayor", "secretary", "ambassador", "envoy", "diplomat", "official", "officer", "chief", "director",
        "executive", "ceo", "chairman", "chairwoman", "chair", "head", "leader", "lawmaker", "legislator", "congressman",
        "congresswoman", "representative", "judge", "justice", "prosecutor", "attorney", "lawyer", "barrister",
        "solicitor", "counsel", "commissioner", "inspector", "detective", "sergeant", "constable", "captain", "general",
        "colonel", "commander", "admiral", "coach", "manager", "striker", "midfielder", "defender", "goalkeeper",
        "captain", "player", "athlete", "runner", "driver", "rider", "researcher", "scientist", "professor", "doctor",
        "physician", "surgeon", "nurse", "economist", "analyst", "strategist", "founder", "owner", "candidate",
        "nominee", "challenger", "incumbent", "activist", "campaigner", "organiser", "organizer", "advocate", "author",
        "writer", "columnist", "historian", "expert", "specialist", "adviser", "advisor", "aide", "deputy", "speaker",
        "mp", "councillor", "councilor", "councilwoman", "councilman", "vice-president", "sheriff", "bishop", "priest",
        "imam", "rabbi", "pastor", "cardinal", "pope", "king", "queen", "prince", "princess", "emir", "sheikh",
        "farmer", "teacher", "principal", "student", "resident", "witness", "victim", "defendant", "plaintiff",
        "economist", "engineer", "epidemiologist", "virologist", "trader", "investor", "banker", "governor",
        "chairperson", "treasurer", "auditor", "regulator", "negotiator", "mediator", "politician", "ceo", "cfo", "coo",
        "cto", "vice", "pilot", "actor", "actress", "singer", "director", "producer", "artist", "curator", "ombudsman",
        "mother", "father", "woman", "man", "boy", "girl", "veteran", "worker", "employee", "owner", "landlord",
        "tenant", "patient", "survivor", "protester", "demonstrator", "delegate", "observer", "monitor", "critic",
        "supporter", "opponent", "rival", "colleague", "partner", "friend", "neighbour", "neighbor", "son", "daughter",
        "wife", "husband", "sister", "brother", "widow", "chancellor", "premier", "dean", "rector", "provost",
        "reporter", "journalist", "correspondent", "editor", "moderator", "pollster", "consultant", "operative");

    /// <summary>Organisation nouns that can head a speaker mention: "the ministry said".</summary>
    public static readonly FrozenSet<string> OrganizationHeads = Set(
        "ministry", "department", "agency", "government", "administration", "company", "firm", "group", "bank",
        "council", "committee", "commission", "court", "party", "union", "federation", "association", "club", "team",
        "board", "authority", "office", "embassy", "kremlin", "cabinet", "parliament", "congress", "senate",
        "assembly", "police", "army", "military", "campaign", "organisation", "organization", "foundation", "institute",
        "university", "school", "hospital", "regulator", "watchdog", "coalition", "alliance", "bloc", "opposition",
        "network", "newspaper", "broadcaster", "channel", "airline", "carrier", "operator", "utility", "insurer",
        "lender", "manufacturer", "maker", "producer", "retailer", "developer", "startup", "corporation", "conglomerate",
        "charity", "ngo", "consortium", "secretariat", "presidency", "palace", "house", "tribunal", "inquiry", "panel",
        "fund", "exchange", "municipality", "city", "county", "state", "province", "region", "country", "nation",
        "league", "body", "service", "force", "directorate", "bureau", "unit", "junta", "regime", "movement",
        "countries", "nations", "governments", "allies", "companies", "firms", "banks", "parties", "unions");

    /// <summary>Unnamed sources: "officials said", "a source familiar with…".</summary>
    public static readonly FrozenSet<string> AnonymousHeads = Set(
        "source", "sources", "officials", "official", "diplomats", "diplomat", "analysts", "analyst", "experts", "critics",
        "residents", "witnesses", "aides", "aide", "insiders", "insider", "observers", "people", "someone", "person",
        "economists", "traders", "investors", "scientists", "researchers", "doctors", "lawmakers", "activists",
        "campaigners", "protesters", "supporters", "opponents", "locals", "villagers", "workers", "employees",
        "executives", "bankers", "dealers", "investigators", "authorities", "police", "fans", "parents", "teachers",
        "lawyers", "attorneys", "prosecutors", "officers", "nurses", "staff",
        "students", "farmers", "voters", "members", "leaders", "delegates", "negotiators", "observers", "commentators",
        "spokespeople", "representatives", "colleagues", "friends", "relatives", "neighbours", "neighbors", "others",
        "many", "some", "several", "most", "few", "republicans", "democrats", "conservatives", "liberals", "insurers",
        "percent", "respondents");

    /// <summary>Documents that can be sources: "the report says".</summary>
    public static readonly FrozenSet<string> DocumentHeads = Set(
        "report", "statement", "study", "ruling", "filing", "letter", "memo", "memorandum", "survey", "poll", "document",
        "indictment", "complaint", "lawsuit", "judgment", "judgement", "verdict", "decision", "order", "resolution",
        "communique", "communiqué", "declaration", "draft", "bill", "law", "paper", "analysis", "review", "audit",
        "assessment", "prospectus", "release", "notice", "guidelines", "guidance", "text", "proposal", "plan",
        "agreement", "treaty", "charter", "constitution", "transcript", "email", "e-mail", "message", "tweet", "post",
        "website", "note", "brief", "affidavit", "petition", "motion", "budget", "forecast", "data", "figures",
        "findings", "minutes", "record", "records", "report's", "article", "editorial", "op-ed", "column", "book",
        "investigation", "inquiry", "dossier", "warrant", "opinion", "citation", "summary", "sheet", "manifesto");

    public static readonly FrozenSet<string> Determiners = Set(
        "the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our", "one", "another",
        "two", "three", "several", "some", "many", "other", "senior", "both", "all", "each", "most", "few");

    /// <summary>Capitalised words that start sentences but are not names.</summary>
    public static readonly FrozenSet<string> NotNames = Set(
        "the", "a", "an", "but", "and", "or", "in", "on", "at", "to", "for", "of", "with", "by", "from", "as", "if", "it",
        "he", "she", "they", "we", "i", "you", "his", "her", "their", "its", "our", "my", "your", "this", "that",
        "these", "those", "there", "here", "when", "while", "after", "before", "since", "because", "although",
        "though", "however", "meanwhile", "still", "yet", "so", "also", "then", "now", "today", "yesterday",
        "tomorrow", "last", "next", "this", "according", "asked", "speaking", "despite", "during", "under", "over",
        "about", "among", "between", "into", "through", "without", "within", "prior", "earlier", "later", "once",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february",
        "march", "april", "may", "june", "july", "august", "september", "october", "november", "december", "jan.",
        "feb.", "mar.", "apr.", "jun.", "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.", "what", "who",
        "why", "how", "where", "which", "not", "no", "yes", "all", "some", "many", "most", "more", "much", "such",
        "both", "each", "every", "any", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
        "do", "does", "did", "is", "are", "was", "were", "be", "been", "will", "would", "can", "could", "should",
        "must", "may", "might", "let", "we're", "it's", "i'm", "don't", "that's", "there's", "read", "see", "related",
        "update", "editor's", "photo", "video", "watch", "even", "just", "only", "nor", "instead", "other", "another",
        "first", "second", "third", "mr", "ms", "mrs", "dr", "our", "us", "them", "him", "me", "well", "look",
        "thank", "thanks", "please", "oh", "sir", "madam", "because", "whether", "unless", "until", "again",
        "nobody", "everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nothing", "everything", "something",
        "anything", "none", "nor", "neither", "either", "whoever", "whatever", "let's", "if", "never", "always");

    /// <summary>Words that mark an organisation when they are part of a capitalised name.</summary>
    public static readonly FrozenSet<string> OrganizationWords = Set(
        "ministry", "department", "agency", "government", "bank", "council", "committee", "commission", "court",
        "party", "union", "federation", "association", "club", "fc", "united", "city", "board", "authority", "office",
        "embassy", "kremlin", "parliament", "congress", "senate", "assembly", "police", "army", "navy", "campaign",
        "organisation", "organization", "foundation", "institute", "university", "college", "school", "hospital",
        "inc", "inc.", "corp", "corp.", "ltd", "ltd.", "plc", "llc", "co.", "group", "holdings", "airlines", "airways",
        "motors", "energy", "oil", "petroleum", "telecom", "times", "post", "news", "journal", "herald", "tribune",
        "gazette", "press", "agency", "network", "tv", "radio", "house", "pentagon", "coalition", "alliance",
        "fund", "reserve", "exchange", "service", "services", "force", "forces", "guard", "bureau", "trust",
        "partners", "capital", "securities", "industries", "technologies", "systems", "labs", "pharma",
        "pharmaceuticals", "church", "society", "league", "cabinet", "secretariat", "directorate", "front",
        "movement", "brigade", "network", "chamber", "tribunal", "republicans", "democrats", "nato", "who", "imf",
        "fbi", "cia", "eu", "un", "opec", "reuters", "sputnik", "xinhua", "tass", "afp", "ap", "bbc", "cnn");

    /// <summary>Countries and large regions that can speak as organisations ("Russia insists").</summary>
    public static readonly FrozenSet<string> Countries = Set(
        "afghanistan", "albania", "algeria", "angola", "argentina", "armenia", "australia", "austria", "azerbaijan",
        "bahrain", "bangladesh", "belarus", "belgium", "bolivia", "bosnia", "botswana", "brazil", "britain", "bulgaria",
        "cambodia", "cameroon", "canada", "chad", "chile", "china", "colombia", "congo", "croatia", "cuba", "cyprus",
        "czechia", "denmark", "ecuador", "egypt", "england", "eritrea", "estonia", "ethiopia", "europe", "finland",
        "france", "georgia", "germany", "ghana", "greece", "guatemala", "haiti", "honduras", "hungary", "iceland",
        "india", "indonesia", "iran", "iraq", "ireland", "israel", "italy", "jamaica", "japan", "jordan", "kazakhstan",
        "kenya", "korea", "kosovo", "kuwait", "kyrgyzstan", "laos", "latvia", "lebanon", "libya", "lithuania",
        "luxembourg", "madagascar", "malawi", "malaysia", "mali", "malta", "mexico", "moldova", "mongolia",
        "montenegro", "morocco", "mozambique", "myanmar", "namibia", "nepal", "netherlands", "nicaragua", "niger",
        "nigeria", "norway", "oman", "pakistan", "palestine", "panama", "paraguay", "peru", "philippines", "poland",
        "portugal", "qatar", "romania", "russia", "rwanda", "scotland", "senegal", "serbia", "singapore", "slovakia",
        "slovenia", "somalia", "spain", "sudan", "sweden", "switzerland", "syria", "taiwan", "tajikistan", "tanzania",
        "thailand", "tunisia", "turkey", "türkiye", "turkmenistan", "uganda", "ukraine", "uruguay", "uzbekistan",
        "venezuela", "vietnam", "wales", "yemen", "zambia", "zimbabwe", "washington", "moscow", "beijing", "london",
        "paris", "berlin", "tehran", "kyiv", "kiev", "brussels", "tokyo", "seoul", "ankara", "caracas", "havana",
        "pyongyang", "damascus", "baghdad", "riyadh", "canberra", "ottawa", "delhi", "islamabad", "minsk", "tbilisi",
        "america", "africa", "asia", "pakistan", "sri", "the united states", "united states", "united kingdom");

    private static readonly FrozenSet<string> FemaleNames = Set(
        "mary", "anna", "ana", "maria", "maría", "elena", "olga", "irina", "natalia", "sarah", "sara", "emma", "laura",
        "julia", "sophie", "sofia", "claire", "marie", "fatima", "aisha", "amina", "ngozi", "chioma", "zoë", "zoe",
        "lan", "mai", "linh", "yuki", "keiko", "priya", "anjali", "sunita", "lakshmi", "hillary", "nancy", "angela",
        "theresa", "margaret", "elizabeth", "jane", "susan", "karen", "lisa", "linda", "barbara", "patricia",
        "jennifer", "michelle", "kamala", "nikki", "ursula", "christine", "giorgia", "marine", "ingrid", "astrid",
        "sigrid", "helga", "greta", "agnieszka", "katarzyna", "magdalena", "ewa", "oksana", "yulia", "svetlana",
        "tatiana", "ludmila", "carmen", "lucia", "lucía", "isabel", "gabriela", "fernanda", "juliana", "camila",
        "valentina", "mariana", "leila", "layla", "yasmin", "noura", "rania", "hana", "miriam", "rachel", "rebecca",
        "ruth", "esther", "deborah", "grace", "joy", "blessing", "abena", "ama", "akosua", "wanjiru", "wanjiku",
        "achieng", "amara", "adaeze", "folake", "funmilayo", "yetunde", "nadia", "nadine", "chloe", "olivia",
        "amelia", "isla", "ava", "mia", "ella", "lily", "hannah", "emily", "charlotte", "lucy", "alice", "kate",
        "catherine", "katherine", "helen", "diana", "victoria", "caroline", "nicola", "fiona", "siobhan", "aoife",
        "niamh", "saoirse", "mei", "xiu", "ying", "jia", "min-ji", "ji-woo", "seo-yeon", "thi", "huong", "thu",
        "dolores", "rosa", "pilar", "teresa", "beatriz", "inês", "ines", "joana", "francesca", "giulia", "chiara",
        "elisa", "anneke", "femke", "liesbeth", "birgit", "annika", "freya", "solveig", "kari", "eva", "petra",
        "jana", "zuzana", "ivana", "milica", "jelena", "dragana", "ayşe", "ayse", "elif", "zeynep", "çağla",
        "shirin", "parisa", "maryam", "samira", "salma", "zainab", "khadija", "meera", "kavita", "deepa", "anita",
        "renee", "monique", "amandine", "céline", "celine", "sylvie", "nathalie", "margarethe", "lydia", "amy",
        "megan", "ashley", "jessica", "stephanie", "nicole", "heather", "tiffany", "kimberly", "donna", "carol",
        "sandra", "betty", "dorothy", "sharon", "cynthia", "kathleen", "amanda", "melissa", "brenda", "pamela",
        "emma", "ingrid", "liv", "maja", "elsa", "wilma", "thandiwe", "nomvula", "lerato", "naledi", "zanele",
        "adwoa", "efua", "aminata", "fatou", "mariam", "halima", "hauwa", "tsion", "meron", "hiwot", "selam");

    private static readonly FrozenSet<string> MaleNames = Set(
        "john", "james", "david", "michael", "robert", "william", "richard", "thomas", "charles", "joseph", "daniel",
        "paul", "mark", "peter", "george", "donald", "joe", "barack", "bill", "mike", "vladimir", "dmitry", "sergei",
        "sergey", "alexei", "alexey", "ivan", "nikolai", "andrei", "igor", "oleg", "yuri", "viktor", "mohammed",
        "muhammad", "ahmed", "ali", "omar", "hassan", "hussein", "ibrahim", "yusuf", "mustafa", "abdullah",
        "jose", "josé", "juan", "carlos", "luis", "jorge", "pedro", "miguel", "manuel", "nicolas", "nicolás",
        "emmanuel", "olaf", "friedrich", "hans", "klaus", "jürgen", "stefan", "andreas", "matteo", "giuseppe",
        "marco", "luca", "pierre", "jean", "jacques", "francois", "françois", "xi", "li", "wang", "hiroshi", "takeshi",
        "kenji", "raj", "rahul", "arjun", "vikram", "narendra", "amit", "sanjay", "oluwaseun", "chinedu", "emeka",
        "tunde", "kwame", "kofi", "kwesi", "yaw", "uhuru", "william", "jomo", "abiy", "tedros", "cyril", "jacob",
        "thabo", "sipho", "søren", "soren", "lars", "erik", "anders", "magnus", "henrik", "jan", "piotr", "tomasz",
        "krzysztof", "andrzej", "volodymyr", "petro", "dragan", "milan", "aleksandar", "nikola", "mehmet", "recep",
        "ahmet", "mustafa", "hamid", "reza", "javad", "hassan", "benjamin", "yair", "naftali", "moshe", "david",
        "rishi", "keir", "boris", "tony", "gordon", "nigel", "justin", "pierre", "scott", "kevin", "brian", "steven",
        "edward", "jason", "jeff", "ryan", "gary", "timothy", "larry", "frank", "eric", "stephen", "andrew",
        "raymond", "gregory", "joshua", "jerry", "dennis", "walter", "patrick", "harold", "douglas", "henry", "carl",
        "arthur", "roger", "keith", "samuel", "ralph", "lawrence", "nicholas", "roy", "bruce", "tom", "ben", "sam",
        "alex", "chris", "matt", "dan", "rob", "jim", "tim", "ted", "ron", "mitch", "chuck", "lindsey", "marco",
        "rand", "jeb", "newt", "mitt", "hugo", "evo", "lula", "jair", "andrés", "andres", "alberto", "felipe",
        "gustavo", "sebastián", "sebastian", "diego", "alejandro", "fernando", "ricardo", "roberto", "sergio",
        "ramón", "ramon", "raúl", "raul", "rafael", "francisco", "antonio", "joão", "joao", "tiago", "rui", "nuno",
        "minh", "hung", "tuan", "duc", "quang", "thanh", "hyun", "jae-in", "seok", "min-ho", "hao", "wei", "jun",
        "liang", "tao", "arash", "farid", "karim", "khalid", "tariq", "bilal", "imran", "nawaz", "asif", "zahid",
        "adebayo", "olusegun", "babatunde", "yemi", "chukwuemeka", "ikenna", "obinna", "kelechi", "musa", "bello",
        "abdul", "sani", "kipchoge", "eliud", "kamau", "otieno", "ochieng", "mwangi", "kariuki", "haile", "dawit",
        "tesfaye", "mamadou", "moussa", "ousmane", "cheikh", "abdoulaye", "ismail", "youssef", "mahmoud", "gamal",
        "dragan", "goran", "zoran", "bojan", "marko", "ivan", "josip", "tomislav", "nikos", "nikolaos", "giorgos",
        "dimitris", "konstantinos", "yannis", "kostas", "ahmad", "sheikh", "morten", "mikkel", "jens", "bjørn",
        "bjorn", "olav", "einar", "gunnar", "jukka", "mikko", "matti", "pekka", "sigurður", "jón", "gheorghe",
        "ștefan", "stefan", "mihai", "ion", "vasile", "adrian", "florin", "bogdan", "taras", "mykola", "andriy");

    /// <summary>Gender a first name suggests: +1 male, −1 female, 0 unknown.</summary>
    public static int FirstNameGender(string name)
        => MaleNames.Contains(name) ? 1 : FemaleNames.Contains(name) ? -1 : 0;

    /// <summary>Gender a title or role suggests: +1 male, −1 female, 0 unknown.</summary>
    public static int TitleGender(string word) => word.ToLowerInvariant().TrimEnd('.') switch
    {
        "mr" or "sir" or "lord" or "king" or "prince" or "spokesman" or "chairman" or "congressman" or "councilman"
            or "father" or "brother" or "son" or "husband" or "businessman" or "sheikh" or "emir" or "imam" or "pope"
            or "cardinal" or "ayatollah" or "man" or "boy" => 1,
        "mrs" or "ms" or "miss" or "mme" or "lady" or "dame" or "queen" or "princess" or "spokeswoman"
            or "chairwoman" or "congresswoman" or "councilwoman" or "mother" or "sister" or "daughter" or "wife"
            or "businesswoman" or "actress" or "widow" or "woman" or "girl" => -1,
        _ => 0,
    };

    /// <summary>Capitalised titles that may precede a name: "President", "Sen.", "Foreign Minister".</summary>
    public static bool IsNameTitle(string word)
    {
        var w = word.TrimEnd('.').ToLowerInvariant();
        return Titles.Contains(w) || PersonRoles.Contains(w) || w is "sir" or "lord" or "dame" or "lady" or "ayatollah"
            or "sultan" or "chief" or "elder" or "brother" or "sister" or "father" or "saint" or "mufti" or "pastor"
            or "pm" or "gov" or "lt." or "lieutenant" or "sergeant" or "officer" or "assemblyman" or "assemblywoman"
            or "superintendent" or "minister" or "secretary-general" or "prime" or "foreign" or "defence" or "defense"
            or "finance" or "interior" or "health" or "economy" or "trade" or "justice" or "deputy" or "vice" or "acting"
            or "former" or "interim" or "general" or "attorney" or "state";
    }

    private static FrozenSet<string> Set(params string[] items) => items.ToFrozenSet(Ci);
}
