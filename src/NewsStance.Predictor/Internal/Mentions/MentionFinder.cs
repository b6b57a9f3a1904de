using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Mentions;

/// <summary>
/// Finds the mentions that can be speakers: capitalised names with their titles and roles
/// (<c>Kremlin spokesman Dmitry Peskov</c>), subject pronouns, role nouns (<c>the minister</c>),
/// organisation nouns (<c>the ministry</c>), unnamed sources (<c>officials</c>) and documents
/// (<c>the report</c>). One pass over the tokens; nothing is looked up twice.
/// </summary>
internal static class MentionFinder
{
    private static readonly HashSet<string> NameConnectors = new(StringComparer.OrdinalIgnoreCase)
        { "de", "da", "del", "della", "di", "do", "dos", "das", "van", "von", "der", "den", "bin", "ibn", "al", "el", "la", "le", "du", "y", "ter", "bint", "abu", "of" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NameConnectorsBySpan = NameConnectors.GetAlternateLookup<ReadOnlySpan<char>>();

    public static List<Mention> Find(Article article)
    {
        var mentions = new List<Mention>();
        var text = article.Text;
        var tokens = article.Tokens;
        // Words the article also writes in lower case are common words when they open a sentence ("Negotiations …").
        // Held as tokens, so no word allocates.
        var lowerWords = new ArticleWordSet(article);
        for (int i = 0; i < tokens.Length; i++)
            if (tokens[i].Kind == TokenKind.Word && char.IsLower(text[tokens[i].Start])) lowerWords.Add(i);
        // Words the article capitalises inside a sentence are names wherever they stand ("Manning said", "Senator Jack Reed").
        var namesInside = new ArticleWordSet(article);
        foreach (var s in article.Sentences)
            for (int i = s.FirstToken + 1; i < s.FirstToken + s.TokenCount; i++)
                if (tokens[i].Kind == TokenKind.Word && char.IsUpper(text[tokens[i].Start])) namesInside.Add(i);
        var verbs = new ReportingVerbIndex(article);
        foreach (var sentence in article.Sentences)
        {
            int end = sentence.FirstToken + sentence.TokenCount;
            int firstInSentence = mentions.Count;
            int from = sentence.FirstToken;
            int mainClause = MainClauseStart(article, sentence, end);
            // A transcript quoted paragraph by paragraph opens each line with a quotation mark: "“Q: …".
            int labelAt = tokens[from].Kind == TokenKind.QuoteMark && from + 1 < end ? from + 1 : from;
            if (ParagraphStartsAt(article, sentence, labelAt) && TranscriptLabelAt(article, labelAt, end) is { } label)
            {
                mentions.Add(Renumber(label, mentions.Count));
                from = labelAt + 1;
            }
            for (int i = from; i < end; i++)
            {
                var t = tokens[i];
                // "Six in 10 say …", "Nearly half said …": a share of those polled.
                if (t.Kind is TokenKind.Word or TokenKind.Number && ShareMentions.At(article, sentence, i, end, mentions.Count == firstInSentence, mentions.Count, verbs) is { } share)
                {
                    mentions.Add(share);
                    i = share.LastToken;
                    continue;
                }
                // "said the 46-year-old": an age standing as a noun.
                if (t.Kind == TokenKind.Number && AgeNouns.At(article, sentence, i, end, mentions.Count == firstInSentence, mentions.Count) is { } age)
                {
                    while (mentions.Count > firstInSentence && mentions[^1].Span.Start >= age.Span.Start) mentions.RemoveAt(mentions.Count - 1);
                    mentions.Add(Renumber(age, mentions.Count));
                    continue;
                }
                if (t.Kind != TokenKind.Word) continue;
                char c = text[t.Start];
                bool initial = mentions.Count == firstInSentence;
                if (char.IsUpper(c))
                {
                    string word = article.TextOf(t);
                    // "Lindsey Graham Says Senate Will Act": the verb that ended the name opens no name of its own.
                    if (i > from && mentions.Count > firstInSentence && mentions[^1].LastToken == i - 1 && IsHeadlineSpeechVerb(word)) continue;
                    // "Chastened by the criticism, Hale …": a participle opening the sentence is no name, unless the article
                    // capitalises it elsewhere too.
                    bool commonWord = i == from && (i + 1 >= end || !char.IsUpper(text[tokens[i + 1].Start]))
                        && (lowerWords.Contains(word.ToLowerInvariant()) && !Lexicon.IsNameTitle(word)
                            || (IsOpeningParticiple(word) || IsOpeningAdverb(article, i, end) || MentionWords.OpeningWords.Contains(word))
                               && !namesInside.Contains(word) && Lexicon.FirstNameGender(word) == 0);
                    // "He's said …", "I've told them …": a contracted subject pronoun is that pronoun, not a name; "Her promise to …"
                    // names its speaker by a possessive pronoun.
                    if ((ContractedPronoun(word) ?? PossessiveSpeakers.SubjectOf(article, i, end)) is { } contracted)
                    {
                        mentions.Add(Pronoun(article, sentence, i, word, initial, mentions.Count, contracted));
                        continue;
                    }
                    int next = commonWord ? i : TryName(article, sentence, i, end, mentions, initial);
                    if (next > i) { i = next - 1; continue; }
                    if (Lexicon.SubjectPronouns.Contains(word) && word is "He" or "She" or "They" or "It" or "We" or "I")
                    {
                        mentions.Add(Pronoun(article, sentence, i, word, initial, mentions.Count));
                        continue;
                    }
                    // A capitalised common noun opening the sentence: "Officials said …".
                    if (i == sentence.FirstToken && TryNounMention(article, sentence, i, end, word, initial, mentions.Count) is { } capital)
                        mentions.Add(capital);
                    continue;
                }
                // Most words here are no mention: they are read as spans, and only a mention's word is made a string.
                var span = article.Slice(t);
                // "an architect who said …": the relative pronoun stands for the mention before it.
                if (span is "who" && mentions.Count > firstInSentence && mentions[^1].LastToken >= i - 2)
                {
                    mentions.Add(Pronoun(article, sentence, i, article.TextOf(t), initial, mentions.Count));
                    continue;
                }
                if (Lexicon.IsSubjectPronoun(span) && span is not "i")
                {
                    mentions.Add(Pronoun(article, sentence, i, article.TextOf(t), initial, mentions.Count));
                    continue;
                }
                if (ContractedPronoun(span) is { } pronoun && pronoun != "i")
                {
                    mentions.Add(Pronoun(article, sentence, i, article.TextOf(t), initial, mentions.Count, pronoun));
                    continue;
                }
                // "his promise to cut taxes", "her warning that …": the possessive pronoun names the speaker of a noun of saying.
                if (PossessiveSpeakers.SubjectOf(article, i, end) is { } owner)
                {
                    mentions.Add(Pronoun(article, sentence, i, article.TextOf(t), initial, mentions.Count, owner));
                    continue;
                }
                var noun = (NounHead(span) is null ? null : TryNounMention(article, sentence, i, end, article.TextOf(t), initial, mentions.Count))
                    ?? SubjectPhrases.At(article, sentence, i, end, initial, mentions.Count, verbs);
                if (noun is null) continue;
                // "the Kremlin spokesman" absorbs the name-like modifier "Kremlin" found just before.
                while (mentions.Count > firstInSentence && mentions[^1].Span.Start >= noun.Span.Start) mentions.RemoveAt(mentions.Count - 1);
                mentions.Add(Renumber(noun, mentions.Count));
            }
            MarkOpeningPhrase(mentions, firstInSentence, mainClause);
        }
        return WithConjoinedSpeakers(article, WithAccordingToSources(article, mentions));
    }

    /// <summary>
    /// The first token of the sentence's main clause: the token after the comma that ends an opening phrase
    /// ("Speaking at a town hall in Velna, Ruiz said …", "In a statement, the union …", "Hours later, Alder told …"),
    /// else the sentence's first token. A phrase holding a quotation mark, or with no comma soon, is no opening phrase.
    /// </summary>
    internal static int MainClauseStart(Article a, Sentence s, int end)
    {
        var tokens = a.Tokens;
        int first = s.FirstToken;
        if (first + 2 >= end || tokens[first].Kind != TokenKind.Word) return first;
        var word = a.TextOf(tokens[first]);
        if (!char.IsUpper(word[0])) return first;
        bool opens = MentionWords.OpeningWords.Contains(word) || IsOpeningParticiple(word) || IsOpeningAdverb(a, first, end)
            || EndsInTimeAdverb(a, first, end); // "Hours later, …", "A few minutes later, …", "Two weeks ago, …"
        if (!opens) return first;
        for (int t = first + 1; t + 1 < end && t - first <= MaxOpeningPhrase; t++)
        {
            if (tokens[t].Kind == TokenKind.QuoteMark) return first;
            if (tokens[t].Kind == TokenKind.Punctuation)
                return a.Slice(tokens[t]) is "," ? PastRegionAndTime(a, t + 1, end) : first;
        }
        return first;
    }

    /// <summary>
    /// True when the sentence opens with a short time phrase ended by "later", "earlier" or "ago" and a comma: "Hours later,",
    /// "But a few days later,", "Two weeks ago,". Its words ("a few minutes") are no speaker.
    /// </summary>
    private static bool EndsInTimeAdverb(Article a, int first, int end)
    {
        var tokens = a.Tokens;
        for (int t = first + 1; t + 1 < end && t - first <= 6; t++)
        {
            if (tokens[t].Kind != TokenKind.Word) return false;
            if (a.Slice(tokens[t]) is "later" or "earlier" or "ago") return a.Slice(tokens[t + 1]) is ",";
        }
        return false;
    }

    /// <summary>
    /// Where the main clause starts when the opening phrase's comma at <paramref name="i"/> - 1 ends a town: news writes
    /// "in Dover, Delaware, Reyes said" and "in Ames, Iowa, on Sunday, Carter said", so the region between commas (a
    /// capitalised name that is no first name or title) and a short time phrase after it belong to the opening phrase.
    /// </summary>
    private static int PastRegionAndTime(Article a, int i, int end)
    {
        var tokens = a.Tokens;
        int town = i - 2;
        if (town < 0 || tokens[town].Kind != TokenKind.Word || !char.IsUpper(a.Text[tokens[town].Start])) return i;
        int k = i;
        while (k < end && k - i < 3 && tokens[k].Kind == TokenKind.Word && char.IsUpper(a.Text[tokens[k].Start])
               && Lexicon.FirstNameGender(a.TextOf(tokens[k])) == 0 && !Lexicon.IsNameTitle(a.TextOf(tokens[k]))) k++;
        if (k == i || k + 1 >= end || a.Slice(tokens[k]) is not ",") return i;
        int start = k + 1;
        // ", on Sunday,": a preposition and at most three words, then a comma.
        if (tokens[start].Kind == TokenKind.Word && MentionWords.OpeningWords.Contains(a.TextOf(tokens[start])) && char.IsLower(a.Text[tokens[start].Start]))
            for (int t = start + 1; t + 1 < end && t - start <= 4 && tokens[t].Kind is TokenKind.Word or TokenKind.Number or TokenKind.Punctuation; t++)
                if (tokens[t].Kind == TokenKind.Punctuation)
                {
                    if (a.Slice(tokens[t]) is ",") start = t + 1;
                    break;
                }
        return start;
    }

    /// <summary>
    /// "Hastily changing the subject, …", "Shortly after the vote, …", "Similarly, …": a word in "-ly" opening the sentence
    /// before a participle, a preposition or a comma is an adverb heading a phrase before the subject, and no name. ("Italy
    /// warned", "Sally said": a name is followed by its verb; before a comma only words longer than "Italy" count; first
    /// names are known to the lexicon and excluded too.)
    /// </summary>
    private static bool IsOpeningAdverb(Article a, int i, int end)
    {
        var tokens = a.Tokens;
        if (i + 1 >= end || tokens[i].Kind != TokenKind.Word) return false;
        var w = a.TextOf(tokens[i]);
        if (w.Length <= 4 || !char.IsUpper(w[0]) || !AllLower(w.AsSpan(1)) || !w.EndsWith("ly", StringComparison.Ordinal)
            || Lexicon.FirstNameGender(w) != 0) return false;
        if (a.Slice(tokens[i + 1]) is ",") return w.Length > 5;
        var next = a.TextOf(tokens[i + 1]);
        return tokens[i + 1].Kind == TokenKind.Word && char.IsLower(next[0])
               && (next.EndsWith("ing", StringComparison.Ordinal) || MentionWords.OpeningWords.Contains(next));
    }

    /// <summary>The most tokens an opening phrase runs to before its comma.</summary>
    private const int MaxOpeningPhrase = 20;

    /// <summary>
    /// "Speaking", "Asked", "Chastened" opening a sentence: a participle heads a phrase before the subject. Not
    /// "According" ("According to Ruiz, …" names the speaker).
    /// </summary>
    private static bool IsOpeningParticiple(string w)
        => char.IsUpper(w[0]) && AllLower(w.AsSpan(1)) && Lexicon.IsParticipleForm(w);

    /// <summary>True when every character is a lower-case letter (<see cref="char.IsLower(char)"/>); loops over the span, where LINQ over a substring allocated twice.</summary>
    private static bool AllLower(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!char.IsLower(c)) return false;
        return true;
    }

    /// <summary>Marks the sentence's mentions from <paramref name="first"/> on that stand before <paramref name="mainClause"/>: in its opening phrase.</summary>
    private static void MarkOpeningPhrase(List<Mention> mentions, int first, int mainClause)
    {
        for (int k = first; k < mentions.Count && mentions[k].FirstToken < mainClause; k++)
            mentions[k] = Copy(mentions[k], mentions[k].Index, inOpeningPhrase: true);
    }

    /// <summary>
    /// "according to exit polls", "according to a CNN tally": the phrase after "according to" names a source whatever
    /// its head noun, so when no mention starts there the phrase (up to punctuation, a quotation or a clause) becomes
    /// an unnamed source of its own.
    /// </summary>
    private static List<Mention> WithAccordingToSources(Article a, List<Mention> mentions)
    {
        var tokens = a.Tokens;
        var startsAt = new HashSet<int>(mentions.Select(m => m.FirstToken));
        List<Mention>? added = null;
        foreach (var s in a.Sentences)
        {
            int end = s.FirstToken + s.TokenCount;
            for (int i = s.FirstToken; i + 2 < end; i++)
            {
                // Compared as spans: this looks at every token of the article, and most are not "according".
                if (!a.Slice(tokens[i]).Equals("according", StringComparison.OrdinalIgnoreCase) || a.Slice(tokens[i + 1]) is not "to") continue;
                int first = i + 2;
                if (startsAt.Contains(first) || startsAt.Contains(first + 1) || startsAt.Contains(first + 2)) continue;
                int last = first - 1;
                while (last + 1 < end && last + 1 - first < 12 && tokens[last + 1].Kind is TokenKind.Word or TokenKind.Number
                       && !(last + 1 > first && AccordingToPhraseEnds(a.TextOf(tokens[last + 1])))) last++;
                if (last < first || tokens[last].Kind != TokenKind.Word) continue;
                var head = a.TextOf(tokens[last]);
                bool document = Lexicon.DocumentHeads.Contains(head) || head.EndsWith('s') && Lexicon.DocumentHeads.Contains(head[..^1]);
                (added ??= []).Add(new Mention
                {
                    Index = 0, Span = new TextSpan(tokens[first].Start, tokens[last].End),
                    Form = document ? MentionForm.Document : MentionForm.Anonymous,
                    Kind = document ? SpeakerKind.Document : SpeakerKind.Anonymous,
                    Core = a.Text[tokens[first].Start..tokens[last].End], Head = head.ToLowerInvariant(),
                    Plural = head.EndsWith('s'), Sentence = s.Index, FirstToken = first, LastToken = last,
                });
            }
        }
        if (added is null) return mentions;
        return mentions.Concat(added).OrderBy(m => m.FirstToken).Select((m, i) => Renumber(m, i)).ToList();
    }

    /// <summary>Words that end the source phrase after "according to": a clause or a new constituent begins.</summary>
    private static bool AccordingToPhraseEnds(string w)
        => w is "that" or "which" or "who" or "whose" or "and" or "but";

    /// <summary>
    /// "Russia and several other countries insist …": two mentions joined by "and" as the subject of a reporting
    /// verb speak together, so the pair becomes one plural mention, placed before its parts (which stay mentions).
    /// A list takes in the members before the pair ("China, Russia and several other countries insist").
    /// Only before a reporting verb: elsewhere "X and Y" is as often an object or a list.
    /// </summary>
    private static List<Mention> WithConjoinedSpeakers(Article a, List<Mention> mentions)
    {
        var tokens = a.Tokens;
        Dictionary<int, Mention>? conjoinedAt = null;
        for (int k = 0; k + 1 < mentions.Count; k++)
        {
            Mention x = mentions[k], y = mentions[k + 1];
            if (!(y.Sentence == x.Sentence && y.FirstToken == x.LastToken + 2 && x.Form is not MentionForm.Pronoun && y.Form is not MentionForm.Pronoun
                  && a.TextOf(tokens[x.LastToken + 1]) == "and" && SpeechVerbFollows(a, y.LastToken + 1))) continue;
            int first = k;
            while (first > 0 && mentions[first - 1] is var z && z.Sentence == x.Sentence && z.Form is not MentionForm.Pronoun
                   && z.LastToken + 2 == mentions[first].FirstToken && a.Slice(tokens[z.LastToken + 1]) is ",")
                first--;
            // Only a list that opens the sentence: elsewhere the word before the comma ends another phrase
            // ("… spotlighting NCLB, many experts and some lawmakers say") or is the head of an apposition.
            if (first < k && mentions[first].FirstToken != a.Sentences[x.Sentence].FirstToken) first = k;
            var members = mentions.Skip(first).Take(k + 2 - first).ToList();
            var start = members[0];
            (conjoinedAt ??= [])[first] = new Mention
            {
                Index = 0, Span = new TextSpan(start.Span.Start, y.Span.End), Form = y.Form,
                Kind = members.All(m => m.Kind == x.Kind) ? x.Kind : SpeakerKind.Organization,
                Core = a.Text[start.Span.Start..y.Span.End], Head = y.Head, Plural = true, Conjoined = true,
                Sentence = x.Sentence, FirstToken = start.FirstToken, LastToken = y.LastToken, IsSentenceInitial = start.IsSentenceInitial,
                InOpeningPhrase = start.InOpeningPhrase,
            };
        }
        if (conjoinedAt is null) return mentions;
        var result = new List<Mention>(mentions.Count + conjoinedAt.Count);
        for (int k = 0; k < mentions.Count; k++)
        {
            if (conjoinedAt.TryGetValue(k, out var c)) result.Add(Renumber(c, result.Count));
            result.Add(Renumber(mentions[k], result.Count));
        }
        return result;
    }

    private static bool SpeechVerbFollows(Article a, int t)
    {
        while (t < a.Tokens.Length && a.Tokens[t].Kind == TokenKind.Word && IsAuxiliary(a.TextOf(a.Tokens[t]))) t++;
        return t < a.Tokens.Length && a.Tokens[t].Kind == TokenKind.Word && char.IsLower(a.Text[a.Tokens[t].Start])
            && Lexicon.ReportingLemma(a.Slice(a.Tokens[t])) is not null;
    }

    private static bool ParagraphStartsAt(Article a, Sentence s, int token)
        => token < a.Tokens.Length && a.Paragraphs[s.Paragraph].Span.Start == a.Tokens[s.FirstToken].Start
           && a.Tokens[token].Kind == TokenKind.Word;

    /// <summary>
    /// "Q: …" or "A: …" opening a paragraph: the label of a transcript's question or answer, a mention of the
    /// interviewer or the interviewee (<see cref="EntityResolver"/> says who they are).
    /// </summary>
    private static Mention? TranscriptLabelAt(Article a, int i, int end)
    {
        var word = a.TextOf(a.Tokens[i]);
        if (!char.IsUpper(word[0]) || i + 1 >= end || !IsColon(a, i + 1)) return null;
        var label = MentionWords.InterviewerLabels.Contains(word) ? TranscriptLabel.Interviewer
            : MentionWords.IntervieweeLabels.Contains(word) ? TranscriptLabel.Interviewee : TranscriptLabel.None;
        if (label == TranscriptLabel.None) return null;
        return new Mention
        {
            Index = 0, Span = a.Tokens[i].Span, Form = MentionForm.Name, Kind = SpeakerKind.Person, Core = word,
            Head = word.ToLowerInvariant(), Sentence = a.SentenceAt(a.Tokens[i].Start), FirstToken = i, LastToken = i,
            IsSentenceInitial = true, Label = label,
        };
    }

    private static bool IsColon(Article a, int t) => a.Tokens[t].Kind == TokenKind.Punctuation && a.Slice(a.Tokens[t]) is ":";

    private static Mention Renumber(Mention m, int index) => m.Index == index ? m : Copy(m, index, m.InOpeningPhrase);

    private static Mention Copy(Mention m, int index, bool inOpeningPhrase) => new()
    {
        Index = index, Span = m.Span, Form = m.Form, Kind = m.Kind, Core = m.Core, Head = m.Head, Role = m.Role,
        Gender = m.Gender, Plural = m.Plural, Sentence = m.Sentence, FirstToken = m.FirstToken, LastToken = m.LastToken,
        IsSentenceInitial = m.IsSentenceInitial, Conjoined = m.Conjoined, Label = m.Label,
        InOpeningPhrase = inOpeningPhrase,
    };

    /// <summary>The subject pronoun, lower case, of a contraction ("He's", "she’d", "I've", "they'll"), or null.</summary>
    private static string? ContractedPronoun(ReadOnlySpan<char> word)
    {
        // Asked of every word, so read in place: no string, nor array of the two marks, is made unless it is a contraction.
        int apostrophe = word.IndexOfAny('\'', '’');
        if (apostrophe <= 0) return null;
        var ending = word[(apostrophe + 1)..];
        Span<char> lower = stackalloc char[2];
        if (ending.Length is 0 or > 2 || lower[..ending.ToLowerInvariant(lower)] is not ("s" or "ll" or "ve" or "d" or "m" or "re")) return null;
        var pronoun = word[..apostrophe].ToString().ToLowerInvariant();
        return Lexicon.SubjectPronouns.Contains(pronoun) ? pronoun : null;
    }

    /// <summary>A pronoun mention of token <paramref name="i"/>; <paramref name="pronoun"/> (lower case) when the word is a contraction of it ("He's").</summary>
    private static Mention Pronoun(Article a, Sentence s, int i, string word, bool initial, int index, string? pronoun = null)
    {
        var lower = pronoun ?? word.ToLowerInvariant();
        return new Mention
        {
            Index = index, Span = a.Tokens[i].Span, Form = MentionForm.Pronoun, Core = word, Head = lower,
            Kind = lower is "he" or "she" or "i" ? SpeakerKind.Person : lower == "it" ? SpeakerKind.Organization : SpeakerKind.Unknown,
            Gender = lower == "he" ? 1 : lower == "she" ? -1 : 0, Plural = lower is "they" or "we",
            Sentence = s.Index, FirstToken = i, LastToken = i, IsSentenceInitial = initial,
        };
    }

    /// <summary>"Does", "Not" as a headline writes them (capitalised, the rest lower case: not "DOES" in a shouted line).</summary>
    private static bool IsTitleCaseAuxiliary(ReadOnlySpan<char> w)
        => char.IsUpper(w[0]) && !w[1..].ContainsAnyInRange('A', 'Z') && MentionWords.HeadlineAuxiliariesBySpan.Contains(w);

    /// <summary>Reads a capitalised run at <paramref name="i"/> as a name; returns the token after it, or i.</summary>
    private static int TryName(Article a, Sentence s, int i, int end, List<Mention> into, bool initial)
    {
        var tokens = a.Tokens;
        var text = a.Text;
        int j = i;
        while (j < end)
        {
            var t = tokens[j];
            if (t.Kind != TokenKind.Word && t.Kind != TokenKind.Number) break;
            var w = a.Slice(t); // the run's words are made strings below, once it is known where the name stops
            // Headline case: "Lindsey Graham Says" — the verb is not part of the name.
            if (j > i && (IsHeadlineSpeechVerb(w) || IsTitleCaseAuxiliary(w))) break;
            // A possessive ends its name: "CNN's Jake Tapper" is CNN's, then Jake Tapper (the possessor is no part of his name).
            if (j > i && Lexicon.EndsWithPossessive(a.Slice(tokens[j - 1]))) break;
            if (char.IsUpper(w[0])) { j++; continue; }
            // Lower-case role words between a title-run and a name: "Kremlin spokesman Dmitry Peskov".
            if (j > i && j + 1 < end && (Lexicon.PersonRoles.Contains(w) || NameConnectorsBySpan.Contains(w))
                && tokens[j + 1].Kind == TokenKind.Word && char.IsUpper(text[tokens[j + 1].Start])) { j++; continue; }
            break;
        }
        // Drop leading words that only start the sentence ("But", "The").
        int start = i;
        while (start < j && Lexicon.NotNames.Contains(a.TextOf(tokens[start])) && !Lexicon.IsTitleAbbreviation(a.Slice(tokens[start]))) start++;
        if (start >= j) return j - i == 1 ? i : j;
        // Trailing connectors do not belong to the name.
        int stop = j;
        while (stop > start && NameConnectors.Contains(a.TextOf(tokens[stop - 1]))) stop--;
        if (stop <= start) return j;

        var words = new List<string>(stop - start);
        for (int k = start; k < stop; k++) words.Add(a.TextOf(tokens[k]));
        // Split the role/title prefix: everything up to the last title word that still leaves a name. A party's name
        // before a person's is a role too ("Republican Donald Trump", "Democrat Zephyr Teachout"), not before a
        // name of its own ("Republican Jewish Coalition").
        int nameFrom = 0;
        for (int k = 0; k < words.Count - 1; k++)
            if (Lexicon.IsNameTitle(words[k]) || MentionWords.PartyLabels.Contains(words[k]) && (Lexicon.GivenNameGender(words[k + 1]) != 0 || Lexicon.IsNameTitle(words[k + 1])))
                nameFrom = k + 1;
        // "Senator Ted Cruz of Texas", "David Woodard of Clemson University": after a person's name (a title or a given
        // name before it), "of" begins where the person is from, not more of the name ("Bank of America" stays whole).
        // The mention still spans it, as the person's description.
        int of = words.IndexOf("of", nameFrom);
        if (of > nameFrom && of < words.Count - 1 && IsPersonBeforeOf(words, nameFrom, of))
            words.RemoveRange(of, words.Count - of);
        // Role words in lower case before the capitalised run: "opposition leader Juan Guaido".
        int roleStart = start;
        string? lowerRole = null;
        // "Transport operator Citelyon", "carmaker Renault": a name after an organisation noun is an organisation
        // (unless it opens with a known first name: "told the committee John Smith …").
        bool organizationBefore = false;
        if (start > s.FirstToken)
        {
            int k = start - 1, taken = 0;
            while (k >= s.FirstToken && taken < 3 && tokens[k].Kind == TokenKind.Word)
            {
                var w = a.TextOf(tokens[k]);
                if (Lexicon.Determiners.Contains(w) || Lexicon.ReportingLemma(w) is not null || Lexicon.NotNames.Contains(w)) break;
                if (taken == 0 && !Lexicon.PersonRoles.Contains(w))
                {
                    if (!(char.IsLower(w[0]) && Lexicon.OrganizationHeads.Contains(w) && Lexicon.FirstNameGender(words[nameFrom]) == 0)) break;
                    organizationBefore = true;
                }
                k--; taken++;
            }
            if (taken > 0)
            {
                roleStart = k + 1;
                lowerRole = text[tokens[roleStart].Start..tokens[start - 1].End];
            }
        }
        var nameWords = words.GetRange(nameFrom, words.Count - nameFrom);
        int gender = 0;
        // A run of titles alone after "the" ("the Speaker", "the Foreign Minister") or before "of" ("Speaker of the House")
        // names a role, not a person: it is a role noun, resolved like "the minister" to whoever holds the role. Not after
        // an abbreviated title ("Mr. King") nor on its own ("King said"): there the last word is a surname.
        bool theBefore = start > s.FirstToken && a.TextOf(tokens[start - 1]) is "the" or "The";
        bool ofAfter = stop < end && a.TextOf(tokens[stop]) == "of";
        if ((theBefore || ofAfter) && nameWords.All(Lexicon.IsNameTitle) && !words.Any(w => Lexicon.IsTitleAbbreviation(w)))
        {
            if (Lexicon.PersonRoles.Contains(words[^1].TrimEnd('.')) && TryNounMention(a, s, stop - 1, end, words[^1], initial, into.Count) is { } roleNoun)
                into.Add(roleNoun);
            return j;
        }
        // "Ilyashev's plan": the possessive is not part of the name.
        var lastWord = nameWords[^1];
        if (Lexicon.EndsWithPossessive(lastWord)) nameWords[^1] = lastWord[..^2];
        // "Officials", "Analysts" opening a sentence are common nouns, not names.
        if (nameWords.Count == 1 && nameFrom == 0 && start == s.FirstToken && IsCommonSourceNoun(nameWords[0])) return i;
        // "HIGHER TURNOUT IN IOWA DOESN'T …": a run of four or more words in capitals is a shouted headline, not a name.
        if (nameWords.Count >= 4 && nameWords.All(w => !w.Any(char.IsLower))) return j;
        string core = string.Join(' ', nameWords);
        string? role = nameFrom > 0 ? text[tokens[start].Start..tokens[start + nameFrom - 1].End] : null;
        if (lowerRole is not null) role = role is null ? lowerRole : lowerRole + " " + role;

        // A lone nationality adjective before a common noun is not a name: "Venezuelan problems".
        if (nameWords.Count == 1 && role is null && stop < end && tokens[stop].Kind == TokenKind.Word)
        {
            var nextWord = a.TextOf(tokens[stop]);
            bool lowerNext = char.IsLower(nextWord[0]);
            if (lowerNext && Lexicon.ReportingLemma(nextWord) is null && !IsAuxiliary(nextWord) && IsAdjectival(core)) return j;
        }

        var kind = organizationBefore ? SpeakerKind.Organization : Classify(nameWords, role, theBefore, out gender);
        // "the IMF", "the Kremlin": the article belongs to the mention.
        if (roleStart == start && start > s.FirstToken && a.TextOf(tokens[start - 1]) is "the" or "The") roleStart = start - 1;
        // The role may take in a capitalised word already read as a name of its own ("Transport" in "Transport operator Citelyon").
        while (into.Count > 0 && into[^1].Sentence == s.Index && into[^1].FirstToken >= roleStart) into.RemoveAt(into.Count - 1);
        into.Add(new Mention
        {
            Index = into.Count,
            Span = new TextSpan(tokens[roleStart].Start, tokens[stop - 1].End),
            Form = MentionForm.Name, Kind = kind, Core = core, Head = nameWords[^1].ToLowerInvariant(), Role = role,
            Gender = gender, Plural = false, Sentence = s.Index, FirstToken = roleStart, LastToken = stop - 1,
            IsSentenceInitial = initial,
        });
        return j;
    }

    /// <summary>
    /// A capitalised speech verb that ends a name in headline case ("Lindsey Graham Says …"), unlike the verbs that are
    /// also nouns in names ("State", "Post") and title words.
    /// </summary>
    private static bool IsHeadlineSpeechVerb(ReadOnlySpan<char> w)
        => Lexicon.ReportingLemma(w) is { } l && Lexicon.IsCoreSpeechVerb(l)
           && l is not ("state" or "report" or "post" or "answer" or "object" or "protest" or "signal" or "hint" or "comment" or "mention")
           && !Lexicon.IsNameTitle(w.ToString());

    private static bool IsCommonSourceNoun(string w)
        => Lexicon.AnonymousHeads.Contains(w) || Lexicon.DocumentHeads.Contains(w) || Lexicon.PersonRoles.Contains(w)
        || (Lexicon.OrganizationHeads.Contains(w) && !Lexicon.OrganizationWords.Contains(w));

    /// <summary>A plural role noun names a group of unnamed people: "senators", "governors", "deputies".</summary>
    private static bool IsPluralRole(ReadOnlySpan<char> w)
        => w.Length > 3 && w.EndsWith('s') && (Lexicon.PersonRoles.Contains(w[..^1])
            || w.EndsWith("ies", StringComparison.OrdinalIgnoreCase) && Lexicon.PersonRoles.Contains(string.Concat(w[..^3], "y")));

    /// <summary>True for a possessive word ("Town's", "Town’s") or the apostrophe after a plural or name in -s ("Sanders' ").</summary>
    private static bool IsPossessive(Article a, int k)
    {
        var w = a.TextOf(a.Tokens[k]);
        if (a.Tokens[k].Kind == TokenKind.Word)
            return Lexicon.EndsWithPossessive(w)
                // "it's", "that's", "there's" are a pronoun and "is".
                && !Lexicon.SubjectPronouns.Contains(w[..^2]) && w[..^2].ToLowerInvariant() is not ("that" or "there" or "here" or "what" or "who" or "where" or "let");
        return w is "'" or "’" && k > 0 && a.Tokens[k - 1].Kind == TokenKind.Word && a.Tokens[k - 1].End == a.Tokens[k].Start && a.TextOf(a.Tokens[k - 1]).EndsWith('s');
    }

    private static bool IsAuxiliary(string w) => MentionWords.SubjectVerbFillers.Contains(w);

    private static bool IsAdjectival(string w)
        => w.EndsWith("an", StringComparison.Ordinal) || w.EndsWith("ese", StringComparison.Ordinal)
        || w.EndsWith("ish", StringComparison.Ordinal) || w.EndsWith("ic", StringComparison.Ordinal)
        || w.EndsWith("i", StringComparison.Ordinal) || w.EndsWith("-based", StringComparison.Ordinal)
        || w.EndsWith("-backed", StringComparison.Ordinal) || w.All(char.IsUpper);

    /// <summary>The words from <paramref name="nameFrom"/> to <paramref name="of"/> name a person: after a title, or two or more opening with a given name, and no organisation's or role's word among them.</summary>
    private static bool IsPersonBeforeOf(List<string> words, int nameFrom, int of)
    {
        for (int k = nameFrom; k < of; k++)
            if (Lexicon.OrganizationWords.Contains(words[k]) || Lexicon.PersonRoles.Contains(words[k]) || Lexicon.IsNameTitle(words[k])) return false;
        return nameFrom > 0 || of - nameFrom >= 2 && Lexicon.GivenNameGender(words[nameFrom]) != 0;
    }

    private static bool IsPlaceEnd(string w) => MentionWords.PlaceHeads.Contains(w) || MentionWords.PlaceNameEnds.Contains(w);

    private static SpeakerKind Classify(List<string> nameWords, string? role, bool theBefore, out int gender)
    {
        gender = 0;
        foreach (var w in nameWords)
            if (Lexicon.OrganizationWords.Contains(w)) return SpeakerKind.Organization;
        string joined = string.Join(' ', nameWords);
        if (Lexicon.Countries.Contains(joined) || Lexicon.Countries.Contains(nameWords[^1]) && nameWords.Count == 1) return SpeakerKind.Organization;
        if (nameWords.Count == 1 && nameWords[0].Length >= 2 && nameWords[0].All(char.IsUpper) && role is null) return SpeakerKind.Organization;
        if (role is not null)
            foreach (var r in role.Split(' ')) if (gender == 0) gender = Lexicon.TitleGender(r);
        // A single word after a title is a surname ("Governor Hassan"), whatever first name it may also be. The longer
        // lists of given names are read only where a first name stands: before a surname, written in title case
        // (not "BUENA PARK, Calif."), with no "the" before the name ("The Truman Show") and no town's last word
        // after it ("Buena Park").
        if (gender == 0)
            gender = nameWords.Count == 1 ? (role is null ? Lexicon.FirstNameGender(nameWords[0]) : 0)
                : theBefore || nameWords[0].Skip(1).All(char.IsUpper) || IsPlaceEnd(nameWords[^1]) ? Lexicon.FirstNameGender(nameWords[0])
                : Lexicon.GivenNameGender(nameWords[0]);
        return SpeakerKind.Person;
    }

    /// <summary>
    /// The form and kind of mention a lexicon noun heads: a role ("spokesman"), an unnamed source ("officials",
    /// "senators"), a document ("report") or an organisation ("ministry"); null for any other word.
    /// </summary>
    private static (MentionForm Form, SpeakerKind Kind)? NounHead(ReadOnlySpan<char> word)
    {
        if (Lexicon.PersonRoles.Contains(word)) return (MentionForm.RoleNoun, SpeakerKind.Person);
        if (Lexicon.AnonymousHeadsBySpan.Contains(word) || IsPluralRole(word)) return (MentionForm.Anonymous, SpeakerKind.Anonymous);
        if (Lexicon.DocumentHeadsBySpan.Contains(word)) return (MentionForm.Document, SpeakerKind.Document);
        if (Lexicon.OrganizationHeadsBySpan.Contains(word)) return (MentionForm.OrganizationNoun, SpeakerKind.Organization);
        return null;
    }

    /// <summary>Role nouns, organisation nouns, unnamed sources and documents, headed by a lexicon noun.</summary>
    private static Mention? TryNounMention(Article a, Sentence s, int i, int end, string word, bool initial, int index)
    {
        if (NounHead(word) is not { } head) return null;
        var (form, kind) = head;
        var tokens = a.Tokens;
        // The noun must head its phrase: the next word is not another noun of the phrase ("the report card").
        if (i + 1 < end && tokens[i + 1].Kind == TokenKind.Word)
        {
            var next = a.TextOf(tokens[i + 1]);
            if (Lexicon.PersonRoles.Contains(next) || Lexicon.DocumentHeads.Contains(next) || Lexicon.OrganizationHeads.Contains(next)) return null;
        }
        // Walk back over modifiers to a determiner: "the Kremlin spokesman", "a senior official".
        int k = i - 1, start = i, modifiers = 0, possessive = -1;
        bool determiner = false;
        // Up to four modifiers, a capitalised name among them counting as one word ("a former Democratic National Committee chairman").
        while (k >= s.FirstToken && i - k <= 8 && modifiers <= 4)
        {
            var t = tokens[k];
            // A possessive opens the phrase as a determiner does ("Harbor Town's campaign", "Sanders' campaign");
            // the walk goes on in case an article opens the whole phrase ("the company's chief executive").
            if (possessive < 0 && IsPossessive(a, k)) possessive = k;
            if (t.Kind != TokenKind.Word && t.Kind != TokenKind.Number) break;
            var w = a.TextOf(t);
            if (Lexicon.Determiners.Contains(w)) { start = k; determiner = true; k--; continue; }
            if (determiner) break;
            // A reporting verb ends the phrase, unless it is the bare form of a word as often a noun ("the state attorney general").
            // An ordinal is a modifier ("a third source", "the second official"), though no name either.
            if (Lexicon.ReportingLemma(w) is { } lemma && !(Lexicon.IsNounAmbiguous(lemma) && w.Equals(lemma, StringComparison.OrdinalIgnoreCase))
                || Lexicon.NotNames.Contains(w) && !MentionWords.Ordinals.Contains(w) || IsAuxiliary(w)) break;
            if (!(char.IsUpper(w[0]) && k + 1 < i && char.IsUpper(a.Text[tokens[k + 1].Start]))) modifiers++;
            start = k;
            k--;
        }
        // "police", "staff" and "people" take a plural verb without a plural ending.
        // Quantifiers heading a phrase of their own ("Some said", "most of the delegates said") stand for several people.
        bool plural = word.EndsWith('s') && !word.EndsWith("ss", StringComparison.Ordinal)
            || word.ToLowerInvariant() is "police" or "staff" or "personnel" or "people" or "many" or "some" or "most" or "several" or "few" or "percent";
        if (!determiner && !(form is MentionForm.Anonymous or MentionForm.OrganizationNoun && plural))
        {
            // Bare nouns are sources only when plural and unnamed: "officials said", "several other countries insist"; or a
            // document alone before a colon opening the sentence, a headline's "Poll: …" ("A poll finds …").
            if (possessive < 0 && !(form == MentionForm.Document && i == s.FirstToken && i + 1 < end && a.Slice(tokens[i + 1]) is ":")) return null;
            // After a possessive the noun is determined; the possessor is a mention of its own, so the phrase starts after it.
            if (possessive >= 0) start = possessive + 1;
        }
        if (form == MentionForm.Anonymous && determiner && !plural && word is "official" or "diplomat" or "aide" or "analyst")
            kind = SpeakerKind.Anonymous;
        return new Mention
        {
            Index = index, Span = new TextSpan(tokens[start].Start, tokens[i].End), Form = form, Kind = kind,
            Core = a.Text[tokens[start].Start..tokens[i].End], Head = word.ToLowerInvariant(),
            Gender = Lexicon.TitleGender(word), Plural = plural, Sentence = s.Index, FirstToken = start, LastToken = i,
            IsSentenceInitial = initial,
        };
    }
}
