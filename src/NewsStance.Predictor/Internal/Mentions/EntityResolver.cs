using NewsStance.Internal.Quotes;
using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Mentions;

/// <summary>
/// Groups mentions into entities: surnames join the full name anywhere in the article
/// (<c>Peskov</c> → <c>Dmitry Peskov</c>, <c>Putin</c> → the later <c>Vladimir Putin</c>); role nouns join
/// the latest entity with that role (<c>the Kremlin spokesman</c>). Pronouns are resolved when a quote
/// needs them, by <see cref="ResolvePronoun"/>, since the previous speaker matters.
/// The entities are built in the constructor and read through <see cref="EntityOf"/> afterwards: no mention the
/// mention finder made is changed, and no answer changes the entities, so results never depend on the order
/// quotes are looked at.
/// </summary>
internal sealed class EntityResolver
{
    private readonly List<Entity> _entities = [];
    private readonly IReadOnlyList<Mention> _mentions;
    private readonly Entity?[] _entityOf; // by mention index

    private readonly Reading.Article? _article;
    private readonly Dictionary<int, bool> _headlineSentence = [];
    private readonly HashSet<Entity> _evidentPeople;
    private readonly IReadOnlyList<QuoteRegion>? _quotations;
    private bool[]? _quoted; // by token, made when first asked

    /// <param name="mentions">The article's mentions, in text order, numbered from 0.</param>
    /// <param name="article">The article as read; without it only names and nouns are resolved.</param>
    /// <param name="quotations">The article's quotations (<see cref="QuoteRegionFinder.Find"/>), when the caller found them already.</param>
    public EntityResolver(IReadOnlyList<Mention> mentions, Reading.Article? article = null, IReadOnlyList<QuoteRegion>? quotations = null)
    {
        _mentions = mentions;
        _article = article;
        _quotations = quotations;
        _entityOf = new Entity?[mentions.Count];
        for (int i = 0; i < mentions.Count; i++)
            if (mentions[i].Index != i) throw new ArgumentException($"Mention {i} says its index is {mentions[i].Index}: mentions come in text order, numbered from 0.", nameof(mentions));
        ResolveNames();
        if (article is not null)
        {
            ResolveAppositions(article);
            ResolveDashTrailerRoles(article);
        }
        ResolveNouns();
        // Decided once per entity, so resolving a pronoun costs the same however often the entity is mentioned.
        _evidentPeople = _entities.Where(IsEvidentPerson).ToHashSet();
    }

    /// <summary>"Dmitry Peskov, the Kremlin spokesman," and "a company spokesman, Pieter de Vries,": one entity, with its role.</summary>
    private void ResolveAppositions(Reading.Article a)
    {
        for (int k = 0; k + 1 < _mentions.Count; k++)
        {
            Mention x = _mentions[k], y = _mentions[k + 1];
            if (x.Sentence != y.Sentence || y.FirstToken != x.LastToken + 2) continue;
            // "When her family moved to rural Marlow, her mother …": the comma ends the opening phrase, it joins no apposition.
            if (x.InOpeningPhrase && !y.InOpeningPhrase) continue;
            if (a.Text[a.Tokens[x.LastToken + 1].Start] != ',') continue;
            var (name, role) = x.Form == MentionForm.Name && x.Kind == SpeakerKind.Person && y.Form == MentionForm.RoleNoun ? (x, y)
                : y.Form == MentionForm.Name && y.Kind == SpeakerKind.Person && x.Form == MentionForm.RoleNoun ? (y, x) : (null, null);
            if (name is null || EntityOf(name) is not { } e || role is null || EntityOf(role) is not null) continue;
            // "…was headed to Cairo, her friend said": a role followed by a verb of saying is that verb's subject, and the
            // comma before it ends the reported clause; an apposition after a name is closed by a comma or the sentence.
            if (role == y && Speaks(a, y.LastToken + 1)) continue;
            Attach(role, e);
            e.Role ??= StripDeterminer(role.Core);
        }
    }

    /// <summary>"“…” — Ana Ruiz, mayor": a name after a dash that follows a closing quotation mark, then a comma and a few words: those words are its role.</summary>
    private void ResolveDashTrailerRoles(Reading.Article a)
    {
        var tokens = a.Tokens;
        foreach (var m in _mentions)
        {
            if (m.Form != MentionForm.Name || EntityOf(m) is not { Role: null } e || m.FirstToken < 2) continue;
            int dash = m.FirstToken - 1, comma = m.LastToken + 1;
            if (!IsDash(a, tokens[dash]) || tokens[dash - 1].Kind != Reading.TokenKind.QuoteMark) continue;
            if (comma + 1 >= tokens.Length || a.Text[tokens[comma].Start] != ',' || tokens[comma].Length != 1) continue;
            int sentence = a.SentenceAt(m.Span.Start);
            int s = comma + 1, stop = s;
            while (stop < tokens.Length && stop - s < 6 && tokens[stop].Kind is Reading.TokenKind.Word or Reading.TokenKind.Number && a.SentenceAt(tokens[stop].Start) == sentence) stop++;
            if (stop > s) e.Role = a.Text[tokens[s].Start..tokens[stop - 1].End];
        }
    }

    private static bool IsDash(Reading.Article a, Reading.Token t)
        => t.Kind == Reading.TokenKind.Punctuation && (a.Text[t.Start] is '—' or '–' or '―' || a.Slice(t) is "--");

    private static string StripDeterminer(string s)
    {
        int sp = s.IndexOf(' ');
        return sp > 0 && Lexicon.Determiners.Contains(s[..sp]) ? s[(sp + 1)..] : s;
    }

    public IReadOnlyList<Entity> Entities => _entities;

    /// <summary>The mentions resolved, in text order.</summary>
    public IReadOnlyList<Mention> Mentions => _mentions;

    /// <summary>The entity <paramref name="m"/> (one of <see cref="Mentions"/>) stands for; null for a pronoun, which is resolved per quote.</summary>
    public Entity? EntityOf(Mention m) => _entityOf[m.Index];

    private Entity NewEntity(Mention m, string name, SpeakerKind kind)
    {
        var e = new Entity { Id = _entities.Count, Name = name, Kind = kind, Role = m.Role, Gender = m.Gender, NamedInHeadline = InHeadline(m) };
        _entities.Add(e);
        Attach(m, e);
        return e;
    }

    private void Attach(Mention m, Entity e)
    {
        _entityOf[m.Index] = e;
        e.Mentions.Add(m);
        if (e.Role is null && m.Role is not null) e.Role = m.Role;
        if (e.Gender == 0 && m.Gender != 0 && !GuessedGender(m)) e.Gender = m.Gender;
        // The fullest name wins, but a name read in the body beats any read in the headline, unless the body gives only
        // the surname of a first name and surname the headline gave ("Robert Menendez" in the headline, "Menendez" below).
        bool title = InHeadline(m);
        if (m.Form == MentionForm.Name && e.Kind == m.Kind && (e.NamedInHeadline && !title && !IsSurnameOfHeadlineName(m, e) || m.Core.Length > e.Name.Length && (e.NamedInHeadline || !title)))
        {
            e.Name = m.Core;
            e.NamedInHeadline = title;
        }
    }

    /// <summary>
    /// True when <paramref name="m"/> is one word, the last of the headline name <paramref name="e"/> has, and that name
    /// is a given name and a surname, with a middle initial at most ("Robert Menendez", "Donald J. Trump"): the
    /// headline joins no other words to it then.
    /// </summary>
    private static bool IsSurnameOfHeadlineName(Mention m, Entity e)
    {
        if (m.Core.Contains(' ')) return false;
        var words = e.Name.Split(' ');
        if (words.Length is < 2 or > 3 || !words[^1].Equals(m.Core, StringComparison.OrdinalIgnoreCase) || Lexicon.GivenNameGender(words[0]) == 0) return false;
        return words.Length == 2 || words[1].Length == 2 && words[1][1] == '.';
    }

    private void ResolveNames()
    {
        // A conjoined speaker is an entity of its own, never merged by name or role with one of its parts.
        foreach (var m in _mentions)
            if (m.Conjoined) NewEntity(m, m.Core, m.Kind);
        // Full (multi-word) person names first, keyed by surname; organisations by their full name. A transcript's
        // "Q:" and "A:" are no names: they stand for the interviewer and the interviewee (ResolveTranscriptLabels).
        var bySurname = new Dictionary<string, List<Entity>>(StringComparer.OrdinalIgnoreCase);
        var byName = new Dictionary<string, Entity>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in _mentions)
        {
            if (m.Form != MentionForm.Name || EntityOf(m) is not null || m.Label != TranscriptLabel.None) continue;
            if (byName.TryGetValue(m.Core, out var same)) { Attach(m, same); continue; }
            if (m.Kind == SpeakerKind.Person && m.Core.Contains(' '))
            {
                var surname = m.Head;
                if (bySurname.TryGetValue(surname, out var list))
                {
                    // Same surname, compatible first name: the same person ("Dmitry Peskov", "Peskov").
                    var first = m.Core[..m.Core.IndexOf(' ')];
                    var match = list.LastOrDefault(e => SameGender(e, m) && (!e.Name.Contains(' ') || e.Name.StartsWith(first, StringComparison.OrdinalIgnoreCase)
                                                        || first.Length <= 2 && e.Name.StartsWith(first[0])));
                    if (match is not null) { Attach(m, match); byName[m.Core] = match; continue; }
                }
                var e = NewEntity(m, m.Core, SpeakerKind.Person);
                byName[m.Core] = e;
                if (!bySurname.TryGetValue(surname, out list)) bySurname[surname] = list = [];
                list.Add(e);
            }
        }
        // Single names: of the full names with that surname and no other gender before them ("Mr. Bush" is not Laura
        // Bush), the one named most so far, the latest on a tie; else the first after. News keeps the bare surname for
        // the person the story is about and names a relative in full ("Ted Cruz" … "his father, Rafael Cruz" … "Cruz
        // said"). A transcript's label in capitals is that person too ("LEVIN: …").
        foreach (var m in _mentions)
        {
            if (m.Form != MentionForm.Name || EntityOf(m) is not null || m.Label != TranscriptLabel.None) continue;
            if ((m.Kind == SpeakerKind.Person || IsTranscriptLabel(m)) && bySurname.TryGetValue(m.Head, out var list)
                && list.Where(e => SameGender(e, m) || GuessedGender(m)).ToList() is { Count: > 0 } same)
            {
                var before = same.Where(e => e.Mentions[0].Span.Start < m.Span.Start).OrderByDescending(e => e.Mentions.Count).ThenByDescending(e => e.Id).FirstOrDefault() ?? same[0];
                Attach(m, before);
                continue;
            }
            if (byName.TryGetValue(m.Core, out var sameName) && SameGender(sameName, m)) { Attach(m, sameName); continue; }
            var e = NewEntity(m, m.Core, m.Kind);
            byName[m.Core] = e;
        }
        ResolveTranscriptLabels();
    }

    /// <summary>
    /// True when the gender of a one-word name is only a guess from a first-name list: "Hassan" alone is as often
    /// Maggie Hassan's surname as a man's first name. Only a title ("Mr. Bush") shows the gender of a lone surname.
    /// </summary>
    private static bool GuessedGender(Mention m)
        => m.Form == MentionForm.Name && m.Gender != 0 && !m.Core.Contains(' ') && (m.Role is null || m.Role.Split(' ').All(r => Lexicon.TitleGender(r) == 0));

    /// <summary>Two mentions of one person never disagree on gender when both show one (a title or a first name).</summary>
    private static bool SameGender(Entity e, Mention m) => e.Gender == 0 || m.Gender == 0 || e.Gender == m.Gender;

    /// <summary>"LEVIN: Do you support …": one word in capitals opening a paragraph, before a colon.</summary>
    private bool IsTranscriptLabel(Mention m)
    {
        if (_article is not { } a || m.Core.Contains(' ') || m.Core.Length < 2 || m.Core.Any(char.IsLower) || m.LastToken + 1 >= a.Tokens.Length) return false;
        return a.Paragraphs[a.Sentences[m.Sentence].Paragraph].Span.Start == a.Tokens[m.FirstToken].Start
            && a.Slice(a.Tokens[m.LastToken + 1]) is ":";
    }

    /// <summary>
    /// A transcript's labels: "Q:" stands for the interviewer, the person named before the first label with a
    /// journalist's role ("Reporter Tom Hale spoke with Senator Ruth Alder"); "A:" for the interviewee, the first
    /// other person named in the body before it. A label with no one named so is an entity of its own.
    /// </summary>
    private void ResolveTranscriptLabels()
    {
        var labels = _mentions.Where(m => m.Label != TranscriptLabel.None).ToList();
        if (labels.Count == 0) return;
        // People shown to be people ("Q&A with Joe Biden" names no one called Q), in the body, not the headline.
        var people = _mentions.Where(m => m.Index < labels[0].Index && m.Form == MentionForm.Name && !InTitle(m) && EntityOf(m) is { Kind: SpeakerKind.Person })
            .Select(m => EntityOf(m)!).Distinct().Where(IsEvidentPerson).ToList();
        var interviewer = people.FirstOrDefault(e => e.Role?.Split(' ').Any(MentionWords.JournalistRoles.Contains) == true);
        var interviewee = people.FirstOrDefault(e => e != interviewer);
        Entity? interviewerLabel = null, intervieweeLabel = null;
        foreach (var m in labels)
        {
            bool asks = m.Label == TranscriptLabel.Interviewer;
            var who = asks ? interviewer ?? interviewerLabel : interviewee ?? intervieweeLabel;
            if (who is not null) Attach(m, who);
            else if (asks) interviewerLabel = NewEntity(m, m.Core, SpeakerKind.Person);
            else intervieweeLabel = NewEntity(m, m.Core, SpeakerKind.Person);
        }
    }

    private void ResolveNouns()
    {
        foreach (var m in _mentions)
        {
            if (EntityOf(m) is not null || m.Form == MentionForm.Pronoun) continue;
            Entity? match = null;
            // "a friend said", "one research firm": an indefinite noun phrase brings in someone not met before.
            if ((m.Form == MentionForm.RoleNoun || m.Form == MentionForm.OrganizationNoun) && !IsIndefinite(m))
            {
                // The latest entity mentioned before whose role or name holds the head noun (as a word: "Germany" holds no
                // "man"), or, for a definite description, that a noun phrase with the same head stood for: one that
                // brought it in ("a Carrier executive … the executive says"; not one in someone's quoted words: "when I
                // am described as a Japanese admiral") or one taken up from a name ("the Russian leader" twice).
                bool definite = m.Core.StartsWith("the ", StringComparison.OrdinalIgnoreCase);
                for (int k = m.Index - 1; k >= 0 && match is null && m.Index - k <= 60; k--)
                {
                    var o = _mentions[k];
                    var e = EntityOf(o);
                    if (e is null) continue;
                    if (e.Role is { } role && HoldsRole(role, m.Head)
                        || e.Kind == SpeakerKind.Organization && HoldsWord(e.Name, m.Head)
                        || definite && o.Form == m.Form && o.Head == m.Head && o.Plural == m.Plural && (IsIndefinite(o) && !InQuotation(o) || IsNamed(e)))
                        match = e;
                }
                // "the company", "the ministry" with no named match: the latest organisation, if close. Not one a possessor
                // owns ("Fiorina's team", "his group"): it is the owner's, not the organisation named last.
                if (match is null && m.Form == MentionForm.OrganizationNoun && MentionWords.OrganizationBackReferences.Contains(m.Head) && !IsOwned(m))
                    match = LatestEntity(m, SpeakerKind.Organization, 8);
                if (match is null && m.Form == MentionForm.RoleNoun && IsEpithet(m)) match = EpithetAntecedent(m);
            }
            if (match is not null) { Attach(m, match); continue; }
            NewEntity(m, m.Core, m.Kind);
        }
    }

    /// <summary>"a", "an", "another", "one" open a noun phrase for someone not named before.</summary>
    private static bool IsIndefinite(Mention m)
    {
        int sp = m.Core.IndexOf(' ');
        return sp > 0 && m.Core[..sp].ToLowerInvariant() is "a" or "an" or "another" or "one";
    }

    /// <summary>True when a possessor stands right before <paramref name="m"/>: "Fiorina's team", "Sanders' team", "his group".</summary>
    private bool IsOwned(Mention m)
    {
        if (_article is not { } a || m.FirstToken == 0) return false;
        var before = a.TextOf(a.Tokens[m.FirstToken - 1]);
        return before is "'" or "’" or "his" or "her" or "its" or "their" or "our" or "my" or "your" || Lexicon.EndsWithPossessive(before);
    }

    /// <summary>True when a form of "be" stands right before <paramref name="m"/>: "she is a black woman".</summary>
    private bool IsPredicate(Mention m)
        => _article is { } a && m.FirstToken > 0 && a.Tokens[m.FirstToken - 1].Kind == Reading.TokenKind.Word
           && a.TextOf(a.Tokens[m.FirstToken - 1]).ToLowerInvariant() is "is" or "was" or "are" or "were" or "be" or "been" or "being" or "’s" or "'s";

    /// <summary>True when <paramref name="m"/> stands inside quotation marks (the quote finder's pairing of them).</summary>
    private bool InQuotation(Mention m)
    {
        if (_article is not { } a) return false;
        _quoted ??= QuotedTokens(a, _quotations ?? QuoteRegionFinder.Find(a));
        return _quoted[m.FirstToken];
    }

    /// <summary>Which tokens stand inside a quotation, marks included.</summary>
    private static bool[] QuotedTokens(Reading.Article a, IReadOnlyList<QuoteRegion> quotations)
    {
        var quoted = new bool[a.Tokens.Length];
        foreach (var q in quotations)
            for (int t = a.TokenAtOrAfter(q.Outer.Start); t < a.Tokens.Length && a.Tokens[t].Start < q.Outer.End; t++)
                quoted[t] = true;
        return quoted;
    }

    private static bool IsNamed(Entity e) => e.Mentions.Exists(x => x.Form == MentionForm.Name);

    /// <summary>True when <paramref name="word"/> is one of the words of <paramref name="name"/>, in any case.</summary>
    private static bool HoldsWord(string name, string word)
    {
        foreach (var part in name.Split(' '))
            if (part.Equals(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>A role read in full or as its abbreviated title: "Sen." holds "senator", "Gov." "governor" (title-abbreviation-roles.txt).</summary>
    private static bool HoldsRole(string role, string head)
    {
        if (role.Contains(head, StringComparison.OrdinalIgnoreCase)) return true;
        foreach (var word in role.Split(' '))
            if (MentionWords.TitleAbbreviationRoles.TryGetValue(word.TrimEnd('.'), out var roles) && roles.Contains(head, StringComparer.OrdinalIgnoreCase)) return true;
        return false;
    }

    /// <summary>
    /// "The Florida senator said", "the candidate told reporters": news names a person once, then calls them by a
    /// definite description of what they are. Not one held toward someone else or by anyone at all ("the
    /// spokesman", "the woman": relational-roles.txt), nor one a possessive or an "of" phrase ties to another
    /// ("the senator's aide", "the head of the agency").
    /// </summary>
    private bool IsEpithet(Mention m)
    {
        if (m.Plural || !m.Core.StartsWith("the ", StringComparison.OrdinalIgnoreCase) || MentionWords.RelationalRoles.Contains(m.Head)
            || MentionWords.JournalistRoles.Contains(m.Head) || m.Core.Contains('\'') || m.Core.Contains('’')) return false;
        return _article is not { } a || m.LastToken + 1 >= a.Tokens.Length || a.TextOf(a.Tokens[m.LastToken + 1]) != "of";
    }

    /// <summary>
    /// The person a definite description takes up: named (and shown to be a person) in the three sentences before it,
    /// of its gender when both show one; the subject of a sentence before the others, then the latest. Within its own
    /// sentence a description is someone else ("Rubio thanked the senator").
    /// </summary>
    private Entity? EpithetAntecedent(Mention m)
    {
        Entity? best = null;
        double bestScore = double.MinValue;
        // At most 100 mentions back, so a run-on sentence full of descriptions costs no more than a short one.
        for (int k = m.Index - 1; k >= 0 && m.Index - k <= 100; k--)
        {
            var o = _mentions[k];
            int distance = m.Sentence - o.Sentence;
            if (distance > 3) break;
            if (distance == 0 || o.Form != MentionForm.Name || o.Plural || InHeadline(o)) continue;
            if (EntityOf(o) is not { Kind: SpeakerKind.Person } e || !IsEvidentPerson(e)) continue;
            if (m.Gender != 0 && e.Gender != 0 && m.Gender != e.Gender) continue;
            double score = -distance - (m.Index - k) * 0.05 + (o.IsSentenceInitial ? 1.0 : 0);
            if (score > bestScore) { bestScore = score; best = e; }
        }
        return best;
    }

    private Entity? LatestEntity(Mention before, SpeakerKind kind, int maxSentences)
    {
        for (int k = before.Index - 1; k >= 0; k--)
        {
            var o = _mentions[k];
            if (before.Sentence - o.Sentence > maxSentences) break;
            if (o.Form == MentionForm.Name && EntityOf(o) is { } e && e.Kind == kind) return e;
        }
        return null;
    }

    private bool InTitle(Mention m) => _article is { } a && a.Paragraphs[a.Sentences[m.Sentence].Paragraph].IsTitle;

    /// <summary>
    /// True for a mention in the title or in a line written in headline case (a sub-heading, a linked story's title):
    /// every word capitalised but the short ones, four at least. Title case runs words into what looks like one long
    /// name ("National Review Crowd Does Not Like Donald Trump").
    /// </summary>
    private bool InHeadline(Mention m)
    {
        if (InTitle(m)) return true;
        if (_article is not { } a) return false;
        // Once per sentence: every name mention asks, and a run-on sentence may hold thousands of them.
        if (!_headlineSentence.TryGetValue(m.Sentence, out var headline))
            _headlineSentence[m.Sentence] = headline = a.IsHeadlineCase(a.Sentences[m.Sentence]);
        return headline;
    }

    /// <summary>
    /// A capitalised name is a person only with evidence: a gender (a title or known first name), a role, or a
    /// reporting verb of its own. Without any, it is as often a place, a programme, a company, a section heading or a
    /// common noun opening a sentence ("Arizona", "Medicare", "Patriot Coal", "Living History", "Updated").
    /// </summary>
    private bool IsEvidentPerson(Entity e)
    {
        if (e.Gender != 0 || e.Role is not null) return true;
        foreach (var m in e.Mentions)
        {
            if (m.Form == MentionForm.RoleNoun) return true;
            // "Lars Berg said", or inverted "said Lars Berg" (a single word after "said" is as often a day: "said Wednesday").
            // A name after a determiner modifies the noun after it, whatever that noun may also be as a verb ("her Wall
            // Street remarks", "the Islamic State's claims").
            if (m.Form == MentionForm.Name && _article is { } a && !AfterDeterminer(a, m) && (Speaks(a, m.LastToken + 1) || m.Core.Contains(' ') && IsInvertedSubject(a, m))) return true;
        }
        return _article is null; // without the text (tests of resolution alone), trust the mention's kind
    }

    private static bool AfterDeterminer(Reading.Article a, Mention m)
        => Lexicon.Determiners.Contains(a.TextOf(a.Tokens[m.FirstToken]))
           || m.FirstToken > 0 && a.Tokens[m.FirstToken - 1].Kind == Reading.TokenKind.Word && Lexicon.Determiners.Contains(a.TextOf(a.Tokens[m.FirstToken - 1]));

    /// <summary>
    /// "…," said Lars Berg / Said Lars Berg, who …: a verb of saying puts its subject after it only right after a
    /// quotation or a comma, or opening the sentence. Elsewhere the name after the verb is its object ("deny the
    /// Islamic State a haven", "accept Wall Street money"), and a name with "the" before it is no person's.
    /// </summary>
    private static bool IsInvertedSubject(Reading.Article a, Mention m)
    {
        int verb = m.FirstToken - 1;
        if (verb < 0 || Lexicon.Determiners.Contains(a.TextOf(a.Tokens[m.FirstToken])) || !Speaks(a, verb, lowerCase: false)) return false;
        if (verb == 0 || a.SentenceAt(a.Tokens[verb - 1].Start) != a.SentenceAt(a.Tokens[verb].Start)) return true;
        var before = a.Tokens[verb - 1];
        return before.Kind == Reading.TokenKind.QuoteMark || a.Slice(before) is "," or "—" or "–";
    }

    private static bool Speaks(Reading.Article a, int token, bool lowerCase = true)
        => token < a.Tokens.Length && a.Tokens[token].Kind == Reading.TokenKind.Word && (!lowerCase || char.IsLower(a.Text[a.Tokens[token].Start]))
           && Lexicon.ReportingLemma(a.Slice(a.Tokens[token])) is not null;

    /// <summary>
    /// "who" stands for a person or people. Right after a noun ("a tweet from Rikkie Wells who …") it is that noun's,
    /// unless the noun is an organisation's or the name only modifies a noun after it ("a Clinton supporter who …").
    /// After a comma (", who …") it may reach past an organisation or a place that ends a longer phrase ("the
    /// director of the Latino Partnership for Conservative Principles, who …") to the nearest of the four mentions
    /// before it in its sentence that is shown to be a person, or people. With none, the mention right before it.
    /// </summary>
    private Entity? RelativeAntecedent(Mention who)
    {
        if (who.Index == 0) return null;
        if (_article is not { } a) return EntityOf(_mentions[who.Index - 1]);
        bool afterComma = who.FirstToken > 0 && a.Slice(a.Tokens[who.FirstToken - 1]) is ",";
        for (int k = who.Index - 1; k >= 0 && who.Index - k <= 4 && _mentions[k].Sentence == who.Sentence; k--)
        {
            var o = _mentions[k];
            if (EntityOf(o) is not { } e || o.Form == MentionForm.Pronoun || e.Kind is not (SpeakerKind.Person or SpeakerKind.Anonymous)) continue;
            if (o.Form == MentionForm.Name && o.LastToken + 1 < a.Tokens.Length && Lexicon.PersonRoles.Contains(a.TextOf(a.Tokens[o.LastToken + 1]))) continue;
            if (!afterComma || e.Kind == SpeakerKind.Anonymous || o.Form != MentionForm.Name || IsEvidentPerson(e)) return e;
        }
        return EntityOf(_mentions[who.Index - 1]);
    }

    /// <summary>
    /// Resolves a pronoun to the likeliest entity before it: same gender (when known), preferring the
    /// previous quote's speaker, then the latest sentence-initial mention, then the latest mention.
    /// </summary>
    public Entity? ResolvePronoun(Mention pronoun, Entity? previousSpeaker)
    {
        if (EntityOf(pronoun) is { } own) return own;
        if (pronoun.Head == "who") return RelativeAntecedent(pronoun);
        bool wantPerson = pronoun.Head is "he" or "she" or "i";
        bool wantPlural = pronoun.Head is "they" or "we";
        // A narrator's "I" and "we" stand outside the quotations they report; whom "I" is may be named only in them.
        bool narration = pronoun.Head is not ("i" or "we") && !InQuotation(pronoun);
        Entity? best = null;
        double bestScore = double.MinValue;
        for (int k = pronoun.Index - 1; k >= 0; k--)
        {
            var o = _mentions[k];
            int distance = pronoun.Sentence - o.Sentence;
            if (distance > 6) break;
            var e = EntityOf(o);
            if (e is null || o.Form == MentionForm.Pronoun && e == null) continue;
            if (wantPerson && e.Kind != SpeakerKind.Person) continue;
            // "he" and "she" are one person, named in the body ("Christianity", "Medicare", a title-case headline are not).
            if (wantPerson && (o.Plural || InTitle(o) || !_evidentPeople.Contains(e))) continue;
            if (!wantPerson && e.Kind == SpeakerKind.Person && !(wantPlural && o.Plural)) continue;
            if (wantPerson && pronoun.Gender != 0 && e.Gender != 0 && e.Gender != pronoun.Gender) continue;
            if (wantPlural && !o.Plural && e.Kind == SpeakerKind.Anonymous) continue;
            if (pronoun.Head == "it" && e.Kind is SpeakerKind.Anonymous) continue;
            // "If Donald Trump wins, I'll be stopped," he said. He said …: whom a speaker names in quoted words is what they
            // speak of; the narration's pronoun takes up someone the narration named.
            if (narration && InQuotation(o)) continue;
            // "…because she is a black woman": an indefinite noun after a form of "be" says what someone is; it names no one.
            if (o.Form == MentionForm.RoleNoun && IsIndefinite(o) && IsPredicate(o)) continue;
            double score = -distance - (pronoun.Index - k) * 0.05;
            if (o.IsSentenceInitial) score += 1.0;
            if (e == previousSpeaker) score += 1.5;
            if (o.Form == MentionForm.Name) score += 0.3;
            if (score > bestScore) { bestScore = score; best = e; }
        }
        return best;
    }
}
