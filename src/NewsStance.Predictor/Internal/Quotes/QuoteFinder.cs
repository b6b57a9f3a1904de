using NewsStance.Internal.Mentions;
using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Quotes;

/// <summary>
/// Finds quotations: reporting frames in every order (<c>X said (that) …</c>, <c>…, X said.</c>,
/// <c>…, said X.</c>, <c>According to X, …</c>, <c>X: …</c>, <c>…, adding that …</c>) and the text between
/// quotation marks. A frame whose content is one quotation gives a direct quote; content that holds
/// a quoted fragment gives a mixed quote; otherwise indirect. Quotations outside any frame are direct
/// quotes when they read like speech (scare quotes and titles do not).
/// </summary>
internal sealed class QuoteFinder
{
    private readonly Article _a;
    private readonly string _text;
    private readonly Token[] _tokens;
    private readonly List<QuoteRegion> _regions;
    private readonly Mention?[] _mentionEndingAt;
    private readonly Mention?[] _mentionStartingAt;
    private readonly int[] _regionOfToken; // -1 outside quotation marks
    private readonly bool[] _inName;       // tokens inside a name mention ("the United States")
    // Quotations a frame has taken as its content: written only where a frame is made, read when the
    // quotations left over become bare quotes.
    private readonly HashSet<QuoteRegion> _claimedByFrames = [];

    private QuoteFinder(Article article, IReadOnlyList<Mention> mentions)
    {
        _a = article;
        _text = article.Text;
        _tokens = article.Tokens;
        _regions = QuoteRegionFinder.Find(article);
        _mentionEndingAt = new Mention?[_tokens.Length];
        _mentionStartingAt = new Mention?[_tokens.Length];
        _inName = new bool[_tokens.Length];
        foreach (var m in mentions)
        {
            _mentionEndingAt[m.LastToken] ??= m;
            _mentionStartingAt[m.FirstToken] ??= m;
            if (m.Form == MentionForm.Name) for (int t = m.FirstToken; t <= m.LastToken; t++) _inName[t] = true;
        }
        _regionOfToken = new int[_tokens.Length];
        Array.Fill(_regionOfToken, -1);
        for (int r = 0; r < _regions.Count; r++)
        {
            var outer = _regions[r].Outer;
            for (int t = article.TokenAtOrAfter(outer.Start); t < _tokens.Length && _tokens[t].Start < outer.End; t++)
                _regionOfToken[t] = r;
        }
    }

    public static List<QuoteCandidate> Find(Article article, IReadOnlyList<Mention> mentions)
        => new QuoteFinder(article, mentions).Run();

    private List<QuoteCandidate> Run()
    {
        var quotes = new List<QuoteCandidate>();
        foreach (var s in _a.Sentences) FindFrames(s, quotes);
        AddBareQuotations(quotes);
        // Reported speech nested in another quote's content ("X said Y told Z that …") belongs to the outer
        // quote; when each holds the other's cue ("A warned that …, the report says"), the later cue is the outer one.
        // A cue lies outside quotation marks, so only content from its own sentence can hold it: comparing
        // quotes sentence by sentence (not paragraph by paragraph) keeps this linear in a long paragraph.
        var drop = new HashSet<QuoteCandidate>();
        foreach (var sentence in quotes.Where(q => q.Cue is not null).GroupBy(q => _a.SentenceAt(q.Cue!.Value.Start)))
        {
            var list = sentence.ToList();
            foreach (var inner in list)
                foreach (var outer in list)
                {
                    if (outer == inner || outer.Cue is not { } oc || inner.Cue is not { } ic) continue;
                    bool outerHoldsInner = outer.Content.Any(c => c.Contains(ic));
                    bool innerHoldsOuter = inner.Content.Any(c => c.Contains(oc));
                    if (outerHoldsInner && (!innerHoldsOuter || oc.Start > ic.Start)) drop.Add(inner);
                }
        }
        quotes.RemoveAll(drop.Contains);
        quotes.Sort((x, y) => x.Start.CompareTo(y.Start));
        return quotes;
    }

    private bool InQuote(int token) => _regionOfToken[token] >= 0;
    private string Word(int token) => _a.TextOf(_tokens[token]);
    private char First(int token) => _text[_tokens[token].Start];
    private bool IsPunct(int token, char c) => _tokens[token].Kind == TokenKind.Punctuation && First(token) == c && _tokens[token].Length == 1;
    private bool IsDash(int token) => _tokens[token].Kind == TokenKind.Punctuation && First(token) is '—' or '–' or '―' || (_tokens[token].Kind == TokenKind.Punctuation && _text.AsSpan(_tokens[token].Start, _tokens[token].Length) is "--");

    // ---- frames -------------------------------------------------------------------------------

    private void FindFrames(Sentence s, List<QuoteCandidate> quotes)
    {
        int first = s.FirstToken, end = first + s.TokenCount;
        if (TryColonFrame(s, first, end, quotes)) return;
        for (int i = first; i < end; i++)
        {
            if (InQuote(i) || _tokens[i].Kind != TokenKind.Word) continue;
            var w = Word(i);
            if (w.Equals("according", StringComparison.OrdinalIgnoreCase) && i + 1 < end && Word(i + 1) == "to")
            {
                if (TryAccordingTo(s, i, first, end, quotes)) i++;
                continue;
            }
            var lemma = Lexicon.ReportingLemma(w);
            if (lemma is null || _inName[i]) continue;
            // A capitalised verb inside a body sentence is a name or a title word ("the United States"); headlines may capitalise cues.
            if (char.IsUpper(w[0]) && i > first && !_a.Paragraphs[s.Paragraph].IsTitle) continue;
            var q = TryVerbFrame(s, i, lemma, first, end);
            if (q is null) continue;
            quotes.Add(q);
            // A frame's content may hold a second frame ("…, he said, adding that …"): keep scanning after the cue.
        }
    }

    /// <summary>"Peskov: …", "PENCE: …", and headline forms "Caddell: Voters Worried…".</summary>
    private bool TryColonFrame(Sentence s, int first, int end, List<QuoteCandidate> quotes)
    {
        var m = _mentionStartingAt[first];
        if (m is null || m.Form != MentionForm.Name || m.LastToken + 1 >= end || !IsPunct(m.LastToken + 1, ':')) return false;
        int colon = m.LastToken + 1;
        if (colon + 1 >= end) return false;
        var content = Trim(new TextSpan(_tokens[colon + 1].Start, _tokens[end - 1].End));
        if (content.Length == 0) return false;
        var q = MakeQuote(s, [content], new TextSpan(_tokens[colon].Start, _tokens[colon].End), ":", m, FramePattern.Colon);
        if (q is null) return false;
        quotes.Add(q);
        return true;
    }

    private bool TryAccordingTo(Sentence s, int i, int first, int end, List<QuoteCandidate> quotes)
    {
        var cue = new TextSpan(_tokens[i].Start, _tokens[i + 1].End);
        int j = i + 2;
        Mention? speaker = null;
        for (int k = j; k < Math.Min(end, j + 3) && speaker is null; k++) speaker = _mentionStartingAt[k];
        if (speaker is null) return false;
        int after = speaker.LastToken + 1;
        TextSpan content;
        if (i == first || i > first && Lexicon.NotNames.Contains(Word(i - 1)) && i - 1 == first)
        {
            // According to X, … : content after the next comma.
            int comma = after;
            while (comma < end && !IsPunct(comma, ',')) comma++;
            if (comma + 1 >= end) return false;
            content = Trim(new TextSpan(_tokens[comma + 1].Start, _tokens[end - 1].End));
        }
        else
        {
            // …, according to X.  — content before the comma.
            int stop = i - 1;
            if (stop < first) return false;
            content = Trim(new TextSpan(_tokens[first].Start, _tokens[stop].End));
        }
        if (content.Length == 0) return false;
        var q = MakeQuote(s, [content], cue, "according to", speaker, FramePattern.AccordingTo);
        if (q is null) return false;
        quotes.Add(q);
        return true;
    }

    private QuoteCandidate? TryVerbFrame(Sentence s, int v, string lemma, int first, int end)
    {
        // "the said agreement", passives ("was told"), infinitives after modals are not speech frames here.
        if (v > first)
        {
            var prev = Word(v - 1).ToLowerInvariant();
            if (prev is "the" or "a" or "an" or "was" or "were" or "been" or "being" or "be" or "is" or "are" or "to" && !(prev is "is" or "are" && Word(v).EndsWith("ing")))
                return null;
        }
        int cueEnd = v;
        if (Lexicon.NeedsParticle(lemma))
        {
            if (v + 1 >= end) return null;
            var particle = Word(v + 1).ToLowerInvariant();
            // "called for", "pointed out"; or "called the offer "too little, too late"" with a quoted fragment.
            if (particle is "out" or "for" or "on") cueEnd = v + 1;
            else if (!(lemma == "call" && (QuoteWithin(v + 1, end, 6) || NamesItsObject(v + 1, end)))) return null;
        }
        var cue = new TextSpan(_tokens[v].Start, _tokens[cueEnd].End);
        // Words that are nouns as often as verbs ("the state", "his comments", "a note") cue speech only before "that", ":" or a quotation.
        if (Lexicon.IsNounAmbiguous(lemma) && (Word(v).Equals(lemma, StringComparison.OrdinalIgnoreCase) || Word(v).Equals(lemma + "s", StringComparison.OrdinalIgnoreCase))
            && !(cueEnd + 1 < end && (Word(cueEnd + 1) == "that" || IsPunct(cueEnd + 1, ':') || InQuote(cueEnd + 1))))
            return null;
        bool progressive = v > first && Word(v - 1).ToLowerInvariant() is "is" or "are" or "was" or "were" or "been" or "isn't" or "wasn't" or "’s" or "'s";
        bool participle = Word(v).EndsWith("ing", StringComparison.Ordinal) && !progressive;

        // Subject before the verb, allowing auxiliaries and adverbs: "Peskov has also said", "Trump is warning".
        int k = v - 1;
        while (k >= first && !InQuote(k) && (IsAuxOrAdverb(Word(k)) || progressive && Word(k).ToLowerInvariant() is "is" or "are" or "was" or "were" or "been" or "isn't" or "wasn't" or "not")) k--;
        int auxStart = k + 1; // "has" / "would" in "Peskov has said" belong to the cue
        // A short parenthetical after the subject: "Sen. Tom Reed (R-Ohio) said", "the company (NYSE: ACME) said".
        if (k >= first && IsPunct(k, ')') && OpeningParenthesis(k, first) is int open && open - 1 >= first)
        {
            k = SkipAuxBack(open - 1, first);
        }
        if (k - 1 >= first && IsDayOrTime(Word(k)) && Word(k - 1) is "on" or "last" or "this" or "late" or "early")
        {
            k = SkipAuxBack(k - 2, first); // "Northwind just this month announced"
        }
        var cueStart = auxStart < v && Word(auxStart) is "has" or "have" or "had" or "would" or "will" ? auxStart : v;
        if (cueStart != v) cue = new TextSpan(_tokens[cueStart].Start, cue.End);
        Mention? subject = k >= first ? _mentionEndingAt[k] : null;
        int subjectStart = subject?.FirstToken ?? -1; // where the attribution begins, apposition included
        // "…, forcing many to sell, said Anna Berg, an economist.": a verb right after a comma, with a speaker after it
        // that ends the sentence (an apposition aside), is an inverted trailer; the phrase before the comma is content,
        // not an apposition of the subject.
        // Quotative inversion takes a bare verb of saying: not one with an auxiliary ("…, has defended the company"), nor
        // one whose object is its content, nor one that names its addressee there ("…, who …, told Reuters.").
        bool invertedTrailer = !participle && subject is null && k >= first && IsPunct(k, ',') && auxStart == v
            && !QuoteWords.AddresseeVerbs.Contains(lemma) && !QuoteWords.ObjectContentVerbs.Contains(lemma) && EndsWithSpeaker(cueEnd + 1, end);
        // Apposition or relative clause between subject and verb: "Peskov, who …, said".
        if (subject is null && k >= first && IsPunct(k, ',') && !invertedTrailer)
            (subject, subjectStart) = SubjectBeforeComma(k, first) ?? (null, -1);
        // A source with a post-modifier: "a source familiar with the talks said", "officials in the capital said".
        if (subject is null && k >= first && !invertedTrailer)
            subject = SubjectWithPostModifier(k, first);
        // A mention after a preposition is the end of a post-modifier, not the subject: "officials in the city said".
        else if (subject is not null && subject.FirstToken - 1 >= first && _tokens[subject.FirstToken - 1].Kind == TokenKind.Word
                 && char.IsLower(First(subject.FirstToken - 1)) && QuoteWords.SourcePostModifierStarts.Contains(Word(subject.FirstToken - 1))
                 && SubjectWithPostModifier(k, first) is { } head)
        {
            subject = head;
            subjectStart = head.FirstToken;
        }

        if (participle)
        {
            // "…, adding that …": the subject is the sentence's main subject.
            // "…, while acknowledging that …", "… before adding that …": after a connective too.
            if (k < first || !(IsPunct(k, ',') || k > first && Word(k) is "while" or "before" or "after" or "when" or "by")) return null;
            var main = MainSubject(first, v);
            if (main is null) return null;
            var content = ContentAfter(v, cueEnd, lemma, end, requireThat: !Lexicon.IsCoreSpeechVerb(lemma));
            if (content is null) return null;
            return MakeQuote(s, content, cue, lemma, main, FramePattern.Participle);
        }

        if (subject is not null && !InQuote(subject.FirstToken))
        {
            // Subject-cue with content after it, or a trailer "…, X said."
            // "…," the operator's director, Bernard Lacombe, said, "…": the content stops before the whole apposition.
            int before = (subjectStart >= first ? Math.Min(subject.FirstToken, subjectStart) : subject.FirstToken) - 1;
            bool trailer = before >= first && (IsPunct(before, ',') || IsDash(before) || _tokens[before].Kind == TokenKind.QuoteMark || IsPunct(before, '('));
            int afterCue = SkipAddressee(lemma, cueEnd + 1, end);
            if (trailer && IsClauseEnd(afterCue, end))
            {
                // "…, X said." — and mid-sentence "The plan, X said, would fail within a year."
                var right = Continuation(afterCue, end);
                var left = right is null ? LeftContent(first, before) : LeftContent(first, before, minWords: 1);
                // With nothing to report before it ("However, Rep. Lynch said the law …"), the frame reads forward instead.
                if (left is not null)
                {
                    var pieces = new List<TextSpan> { left.Value };
                    if (right is not null && !InQuote(_a.TokenAtOrAfter(left.Value.Start))) pieces.Add(right.Value);
                    else AddSplitTail(pieces, afterCue, end);
                    if (MakeQuote(s, pieces, cue, lemma, subject, FramePattern.ContentSubjectCue) is { } trailerQuote) return trailerQuote;
                }
            }
            // Subject-cue with content after it; a leading adverbial ("On Tuesday, X said that …") is not content.
            int clauseEnd = OpensSubordinateClause(subjectStart >= first ? Math.Min(subject.FirstToken, subjectStart) : subject.FirstToken, first)
                ? FirstCommaOutsideQuotes(cueEnd + 1, end) : end;
            var after = ContentAfter(v, cueEnd, lemma, clauseEnd, requireThat: !Lexicon.IsCoreSpeechVerb(lemma));
            return after is null ? null : MakeQuote(s, after, cue, lemma, subject, FramePattern.SubjectCueContent);
        }

        // A second verb of the sentence's subject: "The minister visited the site and said (that) …", "…, but said …".
        if (k >= first && Word(k) is "and" or "but" && !InQuote(k) && ClauseStart(first, k) is int clause
            && MainSubject(clause, k) is { } shared && shared.FirstToken == clause)
        {
            var after = ContentAfter(v, cueEnd, lemma, end, requireThat: !Lexicon.IsCoreSpeechVerb(lemma));
            return after is null ? null : MakeQuote(s, after, cue, lemma, shared, FramePattern.SubjectCueContent);
        }

        // Inverted trailer: "…, said Peskov."
        if (k >= first && (IsPunct(k, ',') || _tokens[k].Kind == TokenKind.QuoteMark) && cueEnd + 1 < end)
        {
            var after = _mentionStartingAt[cueEnd + 1];
            if (after is null || after.Form == MentionForm.Pronoun && after.Head != "he" && after.Head != "she") return null;
            var left = LeftContent(first, k);
            if (left is null) return null;
            var pieces = new List<TextSpan> { left.Value };
            AddSplitTail(pieces, after.LastToken + 1, end);
            return MakeQuote(s, pieces, cue, lemma, after, FramePattern.ContentCueSubject);
        }
        return null;
    }

    /// <summary>
    /// True when a speaker mention starts at <paramref name="i"/> and closes the sentence, or is followed only by an
    /// apposition or relative clause ("said Anna Berg, a farm economist", "said Tom Hale, who …").
    /// </summary>
    private bool EndsWithSpeaker(int i, int end)
    {
        if (i >= end || InQuote(i) || _mentionStartingAt[i] is not { } m || m.Form == MentionForm.Pronoun || IsDayOrTime(Word(i))
            || Word(i) is "that" or "this" or "these" or "those") return false;
        int n = m.LastToken + 1;
        if (n >= end || IsPunct(n, '.') || IsPunct(n, '!') || IsPunct(n, '?')) return true;
        if (!IsPunct(n, ',') || n + 1 >= end || InQuote(n + 1)) return false;
        var next = Word(n + 1);
        return next is "a" or "an" or "the" or "who" || _mentionStartingAt[n + 1] is not null || Lexicon.PersonRoles.Contains(next);
    }

    /// <summary>True when a subordinating conjunction stands right before the subject at <paramref name="subjectStart"/>.</summary>
    private bool OpensSubordinateClause(int subjectStart, int first)
        => subjectStart - 1 >= first && _tokens[subjectStart - 1].Kind == TokenKind.Word && QuoteWords.Subordinators.Contains(Word(subjectStart - 1));

    /// <summary>The first comma outside quotation marks from <paramref name="from"/>, or <paramref name="end"/>.</summary>
    private int FirstCommaOutsideQuotes(int from, int end)
    {
        for (int t = from; t < end; t++)
            if (!InQuote(t) && IsPunct(t, ',')) return t;
        return end;
    }

    /// <summary>The first token at or before <paramref name="k"/> that is not an auxiliary or adverb ("has also").</summary>
    private int SkipAuxBack(int k, int first)
    {
        while (k >= first && !InQuote(k) && IsAuxOrAdverb(Word(k))) k--;
        return k;
    }

    /// <summary>The "(" that opens the parenthetical closed at <paramref name="close"/>, within 8 tokens and outside quotations; or null.</summary>
    private int? OpeningParenthesis(int close, int first)
    {
        for (int t = close - 1; t >= first && close - t <= 8; t--)
        {
            if (InQuote(t) || IsPunct(t, ')')) return null;
            if (IsPunct(t, '(')) return t;
        }
        return null;
    }

    /// <summary>
    /// "called the levy a tax on the poor", "calls him a liar": an object then an indefinite noun phrase that names it
    /// (the object complement of "call"), unlike "called a meeting" or "called the police", and not a time ("an hour later").
    /// </summary>
    private bool NamesItsObject(int from, int end)
    {
        if (from >= end || InQuote(from) || _tokens[from].Kind != TokenKind.Word || Word(from) is "a" or "an") return false;
        for (int t = from + 1; t < end && t - from <= 4; t++)
        {
            if (InQuote(t) || _tokens[t].Kind != TokenKind.Word || QuoteWords.SourcePostModifierStarts.Contains(Word(t)) || Word(t) is "to" or "and" or "that") return false;
            if (Word(t) is "a" or "an")
                return t + 1 < end && _tokens[t + 1].Kind == TokenKind.Word && !IsDayOrTime(Word(t + 1))
                    && Word(t + 1) is not ("few" or "lot" or "bit" or "day" or "hour" or "minute" or "second" or "couple" or "number" or "time");
        }
        return false;
    }

    /// <summary>True when a quotation opens within <paramref name="window"/> tokens from <paramref name="from"/>.</summary>
    private bool QuoteWithin(int from, int end, int window)
    {
        for (int t = from; t < end && t - from < window; t++)
            if (InQuote(t)) return true;
        return false;
    }

    /// <summary>The addressee of "told parliament", "told Reuters", "told reporters on Monday" is skipped.</summary>
    private int SkipAddressee(string lemma, int i, int end)
    {
        if (i >= end || lemma is not ("tell" or "inform" or "assure" or "brief" or "remind" or "notify" or "warn" or "reassure")) return i;
        if (_mentionStartingAt[i] is { } m) return m.LastToken + 1;
        int k = i;
        while (k < end && k - i < 3 && _tokens[k].Kind == TokenKind.Word && !InQuote(k)
               && Word(k).ToLowerInvariant() is not ("that" or "on" or "in" or "at" or "during" or "after" or "before" or "last" or "this" or "late"))
        {
            k++;
            // "told reporters outside the depot": the addressee ends at its noun; what follows is an adverbial.
            if (IsNounEnd(k - 1)) break;
        }
        return k;
    }

    /// <summary>"The plan, he said, would fail": the rest of the sentence after the attribution's comma, if it continues the clause.</summary>
    private TextSpan? Continuation(int i, int end)
    {
        int k = i;
        // An adverbial after the cue: ", he said on Tuesday, would …".
        while (k < end && !InQuote(k) && _tokens[k].Kind == TokenKind.Word && k - i < 5) k++;
        if (k >= end || !IsPunct(k, ',') || k + 1 >= end) return null;
        int n = k + 1;
        if (InQuote(n) || _tokens[n].Kind != TokenKind.Word) return null;
        var w = Word(n).ToLowerInvariant();
        // ", adding that …" is a participle frame; ", and …" starts a new clause; ", who …" a relative clause.
        if (Lexicon.ReportingLemma(w) is not null || QuoteWords.ContinuationBreakers.Contains(w)) return null;
        var span = Trim(new TextSpan(_tokens[n].Start, _tokens[end - 1].End));
        return span.Length == 0 || TokenCount(span) < 2 ? null : span;
    }

    private Mention? SubjectWithPostModifier(int k, int first)
    {
        // Walk back over the post-modifier to a source noun followed by a preposition or "familiar"/"close".
        for (int j = k; j >= first && k - j < 8; j--)
        {
            if (InQuote(j) || _tokens[j].Kind != TokenKind.Word || Lexicon.ReportingLemma(Word(j)) is not null) return null;
            var m = _mentionEndingAt[j];
            if (m is null || j == k) continue;
            if (m.Form == MentionForm.Pronoun) return null;
            // A name inside the post-modifier ("experts on North Korea and …") is passed over on the way back to its head.
            if (QuoteWords.SourcePostModifierStarts.Contains(Word(j + 1))) return m;
        }
        return null;
    }

    private bool StartsWithQuote(TextSpan span) => span.Start > 0 && (Lexicon.IsDoubleQuoteMark(_text[span.Start - 1]) || _text[span.Start - 1] is '\'' or '`');

    /// <summary>
    /// The subject of "X, apposition or relative clause, said" and the first token of the whole subject phrase
    /// (X's first token, or the apposition's when X is not a mention).
    /// </summary>
    private (Mention? Subject, int PhraseStart)? SubjectBeforeComma(int comma, int first)
    {
        // Walk back to the comma that opens the apposition or relative clause, within 40 tokens.
        for (int k = comma - 1; k >= first && comma - k < 40; k--)
        {
            if (InQuote(k)) return null;
            if (!IsPunct(k, ',')) continue;
            var outer = k - 1 >= first ? _mentionEndingAt[k - 1] : null;
            // "A company spokesman, Pieter de Vries, said" / "Dmitry Peskov, the Kremlin spokesman, said": the name wins.
            var inner = _mentionStartingAt[k + 1] is { } st && st.LastToken == comma - 1 ? st : _mentionEndingAt[comma - 1];
            int phraseStart = outer?.FirstToken ?? k + 1;
            if (inner is { Form: MentionForm.Name } && outer is not { Form: MentionForm.Name }) return (inner, phraseStart);
            if (outer is not null && outer.Form != MentionForm.Pronoun) return (outer, phraseStart);
            return (inner, phraseStart);
        }
        return null;
    }

    private static bool IsDayOrTime(string w) => QuoteWords.DaysAndTimes.Contains(w);

    private Mention? MainSubject(int first, int before)
    {
        for (int k = first; k < before; k++)
        {
            if (InQuote(k)) continue;
            var m = _mentionStartingAt[k];
            if (m is not null) return m;
            if (Lexicon.ReportingLemma(Word(k)) is not null) break;
        }
        return null;
    }

    /// <summary>
    /// Where the main clause of the sentence starts: <paramref name="first"/>, or after the comma that
    /// closes a fronted phrase ("In a letter to the minister, union leaders …"); null when that comma is
    /// not before <paramref name="limit"/>.
    /// </summary>
    private int? ClauseStart(int first, int limit)
    {
        if (!QuoteWords.FrontedPhraseOpeners.Contains(Word(first)))
            return first;
        for (int t = first + 1; t < limit; t++)
            if (!InQuote(t) && IsPunct(t, ',')) return t + 1;
        return null;
    }

    private static bool IsAuxOrAdverb(string w) => QuoteWords.AuxiliariesAndAdverbs.Contains(w);

    private bool IsClauseEnd(int i, int end)
    {
        // Nothing but an adverbial, a comma or the full stop follows the cue: "…, he said on Tuesday."
        if (i >= end) return true;
        if (IsPunct(i, '.') || IsPunct(i, ',') || IsPunct(i, ';') || IsPunct(i, '!') || IsPunct(i, '?') || IsDash(i)) return true;
        if (_tokens[i].Kind == TokenKind.QuoteMark) return true;
        var w = Word(i).ToLowerInvariant();
        if (QuoteWords.TrailerAdverbialStarts.Contains(w))
        {
            // …, he said in a statement. / …, she told reporters on Monday. — but not "he said in 2019 that …"
            for (int k = i; k < end; k++)
            {
                if (_tokens[k].Kind == TokenKind.Word && Word(k) == "that") return false;
                if (InQuote(k)) return IsPunct(k - 1, ',') || IsPunct(k - 1, ':');
            }
            return true;
        }
        return false;
    }

    /// <summary>Content to the left of a trailer: from the sentence start, or a quotation ending just before.</summary>
    private TextSpan? LeftContent(int first, int beforeSubject, int minWords = 3)
    {
        int stop = beforeSubject;
        while (stop >= first && (IsPunct(stop, ',') || IsDash(stop) || IsPunct(stop, '(') || _tokens[stop].Kind == TokenKind.QuoteMark && _regionOfToken[stop] < 0)) stop--;
        if (stop < first) return null;
        if (InQuote(stop))
        {
            // "…," he said. — the content is the quotation's last piece (plus earlier pieces in this sentence).
            var region = _regions[_regionOfToken[stop]];
            return region.Pieces.Count > 0 ? region.Pieces[^1] : null;
        }
        int start = first;
        // Skip a leading connective: "But", "And", "However,".
        var span = Trim(new TextSpan(_tokens[start].Start, _tokens[stop].End));
        return span.Length == 0 || TokenCount(span) < minWords ? null : span;
    }

    /// <summary>"…," he said, "…." — the piece after the attribution belongs to the same quote.</summary>
    private void AddSplitTail(List<TextSpan> pieces, int from, int end)
    {
        int k = from;
        while (k < end && !InQuote(k) && (IsPunct(k, ',') || IsPunct(k, ':') || IsPunct(k, ';') || IsDash(k))) k++;
        // Allow a short adverbial before the second piece: ", he said on Tuesday, "…"".
        int scan = k;
        while (scan < end && !InQuote(scan) && scan - k < 6) scan++;
        if (scan < end && InQuote(scan) && (scan == k || IsPunct(scan - 1, ',') || IsPunct(scan - 1, ':') || IsDash(scan - 1)))
        {
            var region = _regions[_regionOfToken[scan]];
            foreach (var p in region.Pieces) if (p.Start > pieces[^1].End) pieces.Add(p);
        }
    }

    /// <summary>Content after the cue: skips the addressee ("told reporters"), an adverbial and "that".</summary>
    private List<TextSpan>? ContentAfter(int v, int cueEnd, string lemma, int end, bool requireThat)
    {
        int i = cueEnd + 1;
        if (i >= end) return null;
        bool hasThat = false, colon = false;
        bool asks = QuoteWords.QuestionVerbs.Contains(lemma);
        if (QuoteWords.AddresseeVerbs.Contains(lemma))
        {
            // The addressee: a pronoun, a name or a short noun phrase.
            var m = _mentionStartingAt[i];
            if (m is not null) i = m.LastToken + 1;
            else
            {
                int steps = 0;
                while (i < end && steps < 5 && _tokens[i].Kind == TokenKind.Word && Word(i) != "that" && !InQuote(i)
                       && !(asks && QuoteWords.QuestionStarts.Contains(Word(i)))) { i++; steps++; if (steps >= 1 && IsNounEnd(i - 1)) break; }
            }
        }
        // "urged Congress to leave the program intact", "told them to wait", "agreed to lend …", "pledged to cut …":
        // after an addressee, or after a verb whose content may be a phrase, an infinitive is the content.
        bool infinitive = (i > cueEnd + 1 || QuoteWords.ObjectContentVerbs.Contains(lemma)) && i + 1 < end && Word(i) == "to"
            && _tokens[i + 1].Kind == TokenKind.Word && !InQuote(i + 1);
        // Adverbials: "on Tuesday", "in a statement", "at a news conference", up to a comma or "that".
        int save = i;
        if (i < end && QuoteWords.ContentAdverbialStarts.Contains(Word(i)))
        {
            int k = i;
            while (k < end && k - i < 9 && !InQuote(k) && Word(k) != "that" && !IsPunct(k, ',') && !IsPunct(k, ':')) k++;
            if (k < end && (Word(k) == "that" || IsPunct(k, ',') || IsPunct(k, ':'))) i = k;
            else i = save;
        }
        while (i < end && (IsPunct(i, ',') || IsPunct(i, ':'))) { colon |= IsPunct(i, ':'); i++; }
        bool objectContent = QuoteWords.ObjectContentVerbs.Contains(lemma);
        if (i < end && Word(i) == "that") { hasThat = true; i++; }
        // "asked whether the plant would close": the embedded question, its opening word included, is the content.
        else if (asks && i < end && !InQuote(i) && QuoteWords.QuestionStarts.Contains(Word(i))) hasThat = true;
        // After a verb whose content may be its object, a later "that" opens a relative clause inside that object
        // ("called for rules that protect tenants"), not the content.
        else if (!objectContent)
        {
            // "said a day earlier during his meeting with Maduro that …": a "that" shortly after, before any punctuation.
            for (int k = i; k < end && k - i < 10; k++)
            {
                if (InQuote(k) || _tokens[k].Kind == TokenKind.Punctuation || Lexicon.ReportingLemma(Word(k)) is not null || QuoteWords.FiniteAuxiliaries.Contains(Word(k))) break;
                if (Word(k) == "that" && k > i) { hasThat = true; i = k + 1; break; }
            }
        }
        if (i >= end) return null;
        // "said nothing", "said goodbye": an object, not reported content.
        if (!hasThat && !InQuote(i) && QuoteWords.NonContentObjects.Contains(Word(i)))
            return null;
        if (requireThat && !hasThat && !colon && !InQuote(i) && !objectContent) return null;
        // A noun object and not a clause ("said nothing", "told a story"): only speech verbs may go without "that".
        if (!hasThat && !colon && !InQuote(i) && !objectContent && !(Lexicon.IsCoreSpeechVerb(lemma) || LooksLikeClauseStart(i, end))) return null;
        if (!hasThat && !colon && !InQuote(i) && !infinitive && IsClauseEnd(i, end) && !LooksLikeClauseStart(i, end)) return null;
        int stop = NextSpeechClause(i, end) - 1;
        if (stop < i) return null;
        var content = Trim(new TextSpan(_tokens[i].Start, _tokens[stop].End));
        if (content.Length == 0 || TokenCount(content) < 3) return null;
        return [content];
    }

    /// <summary>
    /// Where reported content ends: at a coordinated clause with its own speaker and reporting verb
    /// (", and she described the demands as …", "; officials said …"), which is a quote of its own; else at <paramref name="end"/>.
    /// </summary>
    private int NextSpeechClause(int from, int end)
    {
        for (int t = from; t + 2 < end; t++)
        {
            if (InQuote(t)) continue;
            // "told him to leave and repeatedly says, …": a second reporting verb of the same subject.
            if (t > from && _a.Slice(_tokens[t]) is "and" && SkipAuxForward(t + 1, end) is int verb && verb < end && IsReportingVerb(verb))
                return t;
            // "… before adding that …", "…, while acknowledging that …": a participle of a reporting verb, alone or after a
            // connective, is a speech act of its own.
            if (t > from && Word(t) is "while" or "before" or "after" or "when" or "by" && ReportingParticiple(t + 1, end)) return t;
            if (!(IsPunct(t, ',') || IsPunct(t, ';') || IsDash(t))) continue;
            int n = t + 1;
            if (ReportingParticiple(n, end)) return t;
            if (Word(n) is "and" or "but" or "while" or "whereas" or "although" or "though") n++;
            else if (!IsPunct(t, ';') && !IsDash(t)) continue;
            if (n >= end || InQuote(n) || _mentionStartingAt[n] is not { } m) continue;
            if (IsReportingVerb(SkipAuxForward(m.LastToken + 1, end)))
                return t;
        }
        return end;
    }

    private bool ReportingParticiple(int t, int end) => t < end && IsReportingVerb(t) && Word(t).EndsWith("ing", StringComparison.Ordinal);

    /// <summary>A lower-case reporting verb outside quotation marks, not a form that reads as a noun as often ("reports", "claims").</summary>
    private bool IsReportingVerb(int v) => v < _tokens.Length && !InQuote(v) && _tokens[v].Kind == TokenKind.Word && !char.IsUpper(First(v))
        && Lexicon.ReportingLemma(Word(v)) is { } lemma
        && !(Lexicon.IsNounAmbiguous(lemma) && (Word(v).Equals(lemma, StringComparison.OrdinalIgnoreCase) || Word(v).Equals(lemma + "s", StringComparison.OrdinalIgnoreCase)));

    private int SkipAuxForward(int k, int end)
    {
        while (k < end && !InQuote(k) && IsAuxOrAdverb(Word(k))) k++;
        return k;
    }

    private bool IsNounEnd(int t)
    {
        var w = Word(t);
        return Lexicon.AnonymousHeads.Contains(w) || QuoteWords.AddresseeNouns.Contains(w) || char.IsUpper(w[0]);
    }

    private bool LooksLikeClauseStart(int i, int end)
    {
        // A clause begins with a subject: a mention, a determiner phrase, a pronoun, a number or a capital.
        if (_mentionStartingAt[i] is not null) return true;
        var w = Word(i);
        if (char.IsUpper(w[0]) || _tokens[i].Kind == TokenKind.Number) return true;
        var lw = w.ToLowerInvariant();
        if (QuoteWords.ClauseStarts.Contains(lw))
        {
            // "said in 2019 that": handled by the adverbial skip; "said it would" etc. are clauses.
            return true;
        }
        return false;
    }

    private QuoteCandidate? MakeQuote(Sentence s, List<TextSpan> pieces, TextSpan cue, string lemma, Mention? speaker, FramePattern pattern)
    {
        // Classify against the quotations inside the content.
        var inside = new List<QuoteRegion>();
        int quotedChars = 0, contentChars = 0;
        foreach (var p in pieces)
        {
            contentChars += p.Length;
            // Regions met by the piece's tokens (linear in the piece, not in the article).
            for (int t = _a.TokenAtOrAfter(Math.Max(0, p.Start - 1)); t < _tokens.Length && _tokens[t].Start < p.End; t++)
            {
                int ri = _regionOfToken[t];
                if (ri < 0) continue;
                var r = _regions[ri];
                // A region's tokens are contiguous, so a region already taken is the last one taken.
                if (inside.Count > 0 && inside[^1] == r || r.Pieces.Count == 0) continue;
                if (p.Start <= r.Pieces[0].Start && r.Pieces[^1].End <= p.End + 1 && r.Outer.Start >= p.Start - 1 && r.Outer.Start < p.End)
                {
                    inside.Add(r);
                    foreach (var rp in r.Pieces) quotedChars += rp.Length;
                }
            }
        }
        QuoteType type;
        var content = pieces;
        if (inside.Count > 0 && quotedChars >= 0.8 * contentChars)
        {
            type = QuoteType.Direct;
            content = [];
            foreach (var r in inside) content.AddRange(r.Pieces);
        }
        else if (inside.Count > 0) type = QuoteType.Mixed;
        else
        {
            // Content that is itself one quotation: "…," he said.
            int at = _a.TokenAtOrAfter(pieces[0].Start);
            var own = at < _tokens.Length && _regionOfToken[at] >= 0 ? _regions[_regionOfToken[at]] : null;
            if (own is not null && !(own.Pieces.Count > 0 && pieces.All(p => own.Pieces.Contains(p)))) own = null;
            if (own is not null) { type = QuoteType.Direct; inside.Add(own); }
            else type = QuoteType.Indirect;
        }
        _claimedByFrames.UnionWith(inside);
        // Reported speech must say something: at least three words of content.
        if (type == QuoteType.Indirect && content.Sum(TokenCount) < 4) return null;
        var q = new QuoteCandidate
        {
            Type = type, Cue = cue, CueLemma = lemma, FrameSpeaker = speaker, Pattern = pattern,
            Sentence = s.Index, Paragraph = s.Paragraph,
        };
        q.Content.AddRange(content.Distinct().OrderBy(c => c.Start));
        return q;
    }

    // ---- quotations outside frames -------------------------------------------------------------

    private void AddBareQuotations(List<QuoteCandidate> quotes)
    {
        // Quotations not claimed by a frame: speech when long enough or sentence-like; else scare quotes, titles, terms.
        // A frame's content holds text of its own sentence, or whole quotation pieces: so a quotation inside some
        // frame's content is found among its sentence's quotes or by its first piece, without a scan of the paragraph.
        var bySentence = quotes.GroupBy(q => q.Sentence).ToDictionary(g => g.Key, g => g.ToList());
        var claimedPieces = quotes.SelectMany(q => q.Content).ToHashSet();
        // Quotes of each paragraph in text order, for the host of a continuation: frames sorted once, bare quotations appended in order.
        var byParagraph = quotes.GroupBy(q => q.Paragraph).ToDictionary(g => g.Key, g => g.OrderBy(q => q.Start).ToList());
        var bareByParagraph = new Dictionary<int, List<QuoteCandidate>>();
        foreach (var r in _regions)
        {
            if (_claimedByFrames.Contains(r) || r.Pieces.Count == 0) continue;
            bool speechLike = r.Words >= 6 || r.Words >= 4 && r.EndsWithStop && r.StartsUpper;
            if (!speechLike) continue;
            var firstPiece = r.Pieces[0];
            int sentence = _a.SentenceAt(firstPiece.Start);
            int paragraph = _a.Sentences[sentence].Paragraph;
            // Inside a frame's content already (a quoted fragment of an indirect quote): skip.
            if (claimedPieces.Contains(firstPiece) || bySentence.GetValueOrDefault(sentence) is { } same && same.Any(q => q.Content.Any(c => c.Contains(firstPiece))))
                continue;
            // "A," he said. "B." — a bare quotation right after an attributed direct quote in the same paragraph continues it.
            var host = ContinuationHost(byParagraph.GetValueOrDefault(paragraph), bareByParagraph.GetValueOrDefault(paragraph), firstPiece.Start);
            if (host is not null)
            {
                host.Content.AddRange(r.Pieces);
                continue;
            }
            var q = new QuoteCandidate
            {
                Type = QuoteType.Direct, Sentence = sentence, Paragraph = paragraph,
                Pattern = FramePattern.None,
            };
            q.Content.AddRange(r.Pieces);
            AttachDashTrailer(q, r);
            quotes.Add(q);
            if (!bareByParagraph.TryGetValue(paragraph, out var bare)) bareByParagraph[paragraph] = bare = [];
            bare.Add(q);
        }
    }

    /// <summary>
    /// The direct quote a bare quotation at <paramref name="at"/> continues: the latest direct quote of the paragraph
    /// that ends before it, when no other quote starts between the two. Looks back over a few quotes only: one
    /// further back would need every later quote to start inside it.
    /// </summary>
    private static QuoteCandidate? ContinuationHost(List<QuoteCandidate>? frames, List<QuoteCandidate>? bare, int at)
    {
        const int LookBack = 8;
        var seen = new List<QuoteCandidate>(LookBack);
        int fi = frames is null ? -1 : LastStartingBefore(frames, at), bi = bare is null ? -1 : LastStartingBefore(bare, at);
        while (seen.Count < LookBack && (fi >= 0 || bi >= 0))
        {
            // Walk both lists back in text order, the later start first.
            var q = bi < 0 || fi >= 0 && frames![fi].Start >= bare![bi].Start ? frames![fi--] : bare![bi--];
            if (q.Type == QuoteType.Direct && q.End <= at)
                return seen.Any(o => o.Start > q.End) ? null : q;
            seen.Add(q);
        }
        return null;
    }

    private static int LastStartingBefore(List<QuoteCandidate> sorted, int at)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (sorted[mid].Start < at) lo = mid + 1; else hi = mid;
        }
        return lo - 1;
    }

    /// <summary>"…" — Ana Ruiz, mayor: a name after a dash following the closing mark.</summary>
    private void AttachDashTrailer(QuoteCandidate q, QuoteRegion r)
    {
        int t = _a.TokenAtOrAfter(r.Outer.End);
        if (t >= _tokens.Length || !IsDash(t)) return;
        if (t + 1 < _tokens.Length && _mentionStartingAt[t + 1] is { } m)
        {
            // The role after the name ("— Ana Ruiz, mayor") is read by EntityResolver, which owns entities.
            q.FrameSpeaker = m;
            q.Cue = _tokens[t].Span;
            q.CueLemma = "—";
            q.Pattern = FramePattern.DashTrailer;
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    private TextSpan Trim(TextSpan span)
    {
        int s = span.Start, e = span.End;
        while (s < e && (char.IsWhiteSpace(_text[s]) || _text[s] is ',' or ':' or ';' or '—' or '–')) s++;
        while (e > s && (char.IsWhiteSpace(_text[e - 1]) || _text[e - 1] is ',' or ';' or ':' or '—' or '–' or '.' )) e--;
        // Keep a closing quotation mark when the content ends with a quoted fragment; drop an unmatched leading one.
        return new TextSpan(s, e);
    }

    private int TokenCount(TextSpan span)
    {
        int n = 0;
        for (int t = _a.TokenAtOrAfter(span.Start); t < _tokens.Length && _tokens[t].Start < span.End; t++)
            if (_tokens[t].Kind is TokenKind.Word or TokenKind.Number) n++;
        return n;
    }
}
