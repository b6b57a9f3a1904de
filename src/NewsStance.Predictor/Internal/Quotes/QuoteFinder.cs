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

    private QuoteFinder(Article article, IReadOnlyList<Mention> mentions)
    {
        _a = article;
        _text = article.Text;
        _tokens = article.Tokens;
        _regions = QuoteRegionFinder.Find(article);
        _mentionEndingAt = new Mention?[_tokens.Length];
        _mentionStartingAt = new Mention?[_tokens.Length];
        foreach (var m in mentions)
        {
            _mentionEndingAt[m.LastToken] ??= m;
            _mentionStartingAt[m.FirstToken] ??= m;
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
        // Reported speech nested in another quote's content ("X said Y told Z that …") belongs to the outer quote.
        quotes.RemoveAll(inner => quotes.Any(outer => outer != inner && outer.Cue is { } oc && inner.Cue is { } ic
            && outer.Content.Any(c => c.Contains(ic)) && !inner.Content.Any(c => c.Contains(oc))));
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
            if (lemma is null) continue;
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
            if (particle is not ("out" or "for" or "on")) return null;
            cueEnd = v + 1;
        }
        var cue = new TextSpan(_tokens[v].Start, _tokens[cueEnd].End);
        bool participle = Word(v).EndsWith("ing", StringComparison.Ordinal) && lemma != "sing";

        // Subject before the verb, allowing auxiliaries and adverbs: "Peskov has also said".
        int k = v - 1;
        while (k >= first && !InQuote(k) && IsAuxOrAdverb(Word(k))) k--;
        if (k - 1 >= first && IsDayOrTime(Word(k)) && Word(k - 1) is "on" or "last" or "this" or "late" or "early") k -= 2;
        var cueStart = k + 1 < v && Word(k + 1) is "has" or "have" or "had" or "would" or "will" ? k + 1 : v;
        if (cueStart != v) cue = new TextSpan(_tokens[cueStart].Start, cue.End);
        Mention? subject = k >= first ? _mentionEndingAt[k] : null;
        // Apposition or relative clause between subject and verb: "Peskov, who …, said".
        if (subject is null && k >= first && IsPunct(k, ','))
            subject = SubjectBeforeComma(k, first);

        if (participle)
        {
            // "…, adding that …": the subject is the sentence's main subject.
            if (k < first || !IsPunct(k, ',')) return null;
            var main = MainSubject(first, v);
            if (main is null) return null;
            var content = ContentAfter(v, cueEnd, lemma, end, requireThat: !Lexicon.IsCoreSpeechVerb(lemma));
            if (content is null) return null;
            return MakeQuote(s, content, cue, lemma, main, FramePattern.Participle);
        }

        if (subject is not null && !InQuote(subject.FirstToken))
        {
            // Subject-cue with content after it, or a trailer "…, X said."
            int before = subject.FirstToken - 1;
            bool trailer = before >= first && (IsPunct(before, ',') || IsDash(before) || _tokens[before].Kind == TokenKind.QuoteMark || IsPunct(before, '('));
            var after = ContentAfter(v, cueEnd, lemma, end, requireThat: !Lexicon.IsCoreSpeechVerb(lemma));
            if (after is not null && !(trailer && IsClauseEnd(cueEnd + 1, end)))
            {
                // "The plan, he said, would fail": content on both sides.
                if (trailer && before > first && IsPunct(before, ',') && !StartsWithQuote(after[0]))
                {
                    var left = Trim(new TextSpan(_tokens[first].Start, _tokens[before].Start));
                    if (left.Length > 0 && TokenCount(left) >= 3) after.Insert(0, left);
                }
                return MakeQuote(s, after, cue, lemma, subject, FramePattern.SubjectCueContent);
            }
            if (trailer && IsClauseEnd(cueEnd + 1, end))
            {
                var left = LeftContent(first, before);
                if (left is null) return null;
                var pieces = new List<TextSpan> { left.Value };
                AddSplitTail(pieces, cueEnd + 1, end);
                return MakeQuote(s, pieces, cue, lemma, subject, FramePattern.ContentSubjectCue);
            }
            return null;
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

    private bool StartsWithQuote(TextSpan span) => span.Start > 0 && (Lexicon.IsDoubleQuoteMark(_text[span.Start - 1]) || _text[span.Start - 1] is '\'' or '`');

    private Mention? SubjectBeforeComma(int comma, int first)
    {
        // Walk back to the comma that opens the apposition or relative clause, within 12 tokens.
        for (int k = comma - 1; k >= first && comma - k < 40; k--)
        {
            if (InQuote(k)) return null;
            if (!IsPunct(k, ',')) continue;
            var m = k - 1 >= first ? _mentionEndingAt[k - 1] : null;
            if (m is not null && m.Form != MentionForm.Pronoun) return m;
            // "Dmitry Peskov, the Kremlin spokesman, said": the mention just before the verb's comma.
            var inner = _mentionEndingAt[comma - 1];
            return inner;
        }
        return null;
    }

    private static bool IsDayOrTime(string w) => w.ToLowerInvariant() is "monday" or "tuesday" or "wednesday" or "thursday"
        or "friday" or "saturday" or "sunday" or "week" or "month" or "year" or "night" or "morning" or "afternoon" or "evening" or "weekend";

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

    private static bool IsAuxOrAdverb(string w) => w.ToLowerInvariant() is "has" or "have" or "had" or "also" or "later" or "then"
        or "further" or "previously" or "earlier" or "again" or "once" or "would" or "will" or "repeatedly" or "reportedly"
        or "quickly" or "publicly" or "privately" or "recently" or "often" or "frequently" or "initially" or "subsequently"
        or "separately" or "flatly" or "firmly" or "strongly" or "clearly" or "explicitly" or "simply" or "only" or "just"
        or "still" or "never" or "always" or "already" or "angrily" or "bluntly" or "calmly" or "openly" or "finally"
        or "himself" or "herself" or "themselves" or "itself" or "too" or "both" or "all" or "then-";

    private bool IsClauseEnd(int i, int end)
    {
        // Nothing but an adverbial, a comma or the full stop follows the cue: "…, he said on Tuesday."
        if (i >= end) return true;
        if (IsPunct(i, '.') || IsPunct(i, ',') || IsPunct(i, ';') || IsPunct(i, '!') || IsPunct(i, '?') || IsDash(i)) return true;
        if (_tokens[i].Kind == TokenKind.QuoteMark) return true;
        var w = Word(i).ToLowerInvariant();
        if (w is "on" or "in" or "at" or "during" or "late" or "last" or "earlier" or "later" or "this" or "yesterday" or "today"
            or "after" or "before" or "while" or "when" or "as" or "via" or "to" or "from" or "with" or "of" or "by" or "and" or "but"
            or "monday" or "tuesday" or "wednesday" or "thursday" or "friday" or "saturday" or "sunday" or "reporters"
            or "journalists" or "me" or "us" or "him" or "her" or "them" or "the" or "a" or "an" or "told" or "shortly" or "recently")
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
    private TextSpan? LeftContent(int first, int beforeSubject)
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
        return span.Length == 0 || TokenCount(span) < 3 ? null : span;
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
        if (lemma is "tell" or "inform" or "assure" or "remind" or "brief" or "warn" or "advise" or "notify" or "urge" or "ask" or "reassure" or "promise" or "teach" or "thank")
        {
            // The addressee: a pronoun, a name or a short noun phrase.
            var m = _mentionStartingAt[i];
            if (m is not null) i = m.LastToken + 1;
            else
            {
                int steps = 0;
                while (i < end && steps < 5 && _tokens[i].Kind == TokenKind.Word && Word(i) != "that" && !InQuote(i)) { i++; steps++; if (steps >= 1 && IsNounEnd(i - 1)) break; }
            }
        }
        // Adverbials: "on Tuesday", "in a statement", "at a news conference", up to a comma or "that".
        int save = i;
        if (i < end && Word(i).ToLowerInvariant() is "on" or "in" or "at" or "during" or "late" or "earlier" or "last" or "this" or "yesterday" or "today" or "repeatedly" or "again" or "publicly" or "privately" or "separately" or "also" or "afterwards" or "later" or "via" or "through" or "after" or "before" or "while" or "when")
        {
            int k = i;
            while (k < end && k - i < 9 && !InQuote(k) && Word(k) != "that" && !IsPunct(k, ',') && !IsPunct(k, ':')) k++;
            if (k < end && (Word(k) == "that" || IsPunct(k, ',') || IsPunct(k, ':'))) i = k;
            else i = save;
        }
        while (i < end && (IsPunct(i, ',') || IsPunct(i, ':'))) { colon |= IsPunct(i, ':'); i++; }
        if (i < end && Word(i) == "that") { hasThat = true; i++; }
        else
        {
            // "said a day earlier during his meeting with Maduro that …": a "that" shortly after, before any punctuation.
            for (int k = i; k < end && k - i < 10; k++)
            {
                if (InQuote(k) || _tokens[k].Kind == TokenKind.Punctuation || Lexicon.ReportingLemma(Word(k)) is not null) break;
                if (Word(k) == "that" && k > i) { hasThat = true; i = k + 1; break; }
            }
        }
        if (i >= end) return null;
        bool objectContent = Lexicon.TakesObjectContent(lemma);
        if (requireThat && !hasThat && !colon && !InQuote(i) && !objectContent) return null;
        // A noun object and not a clause ("said nothing", "told a story"): only speech verbs may go without "that".
        if (!hasThat && !colon && !InQuote(i) && !objectContent && !(Lexicon.IsCoreSpeechVerb(lemma) || LooksLikeClauseStart(i, end))) return null;
        if (!hasThat && !colon && !InQuote(i) && IsClauseEnd(i, end) && !LooksLikeClauseStart(i, end)) return null;
        int stop = end - 1;
        var content = Trim(new TextSpan(_tokens[i].Start, _tokens[stop].End));
        if (content.Length == 0 || TokenCount(content) < 3) return null;
        return [content];
    }

    private bool IsNounEnd(int t)
    {
        var w = Word(t);
        return Lexicon.AnonymousHeads.Contains(w) || w is "reporters" or "journalists" or "parliament" or "lawmakers" or "me" or "us" or "him" or "her" or "them" or "investors" or "delegates" || char.IsUpper(w[0]);
    }

    private bool LooksLikeClauseStart(int i, int end)
    {
        // A clause begins with a subject: a mention, a determiner phrase, a pronoun, a number or a capital.
        if (_mentionStartingAt[i] is not null) return true;
        var w = Word(i);
        if (char.IsUpper(w[0]) || _tokens[i].Kind == TokenKind.Number) return true;
        var lw = w.ToLowerInvariant();
        if (lw is "the" or "a" or "an" or "this" or "these" or "those" or "there" or "it" or "he" or "she" or "they" or "we" or "i"
            or "his" or "her" or "their" or "its" or "our" or "some" or "many" or "most" or "no" or "all" or "any" or "every"
            or "both" or "each" or "more" or "fewer" or "nobody" or "nothing" or "everyone" or "none" or "such" or "if"
            or "when" or "while" or "although" or "because" or "since" or "despite" or "in" or "after" or "before" or "until"
            or "unless" or "once" or "as" or "only" or "even" or "not" or "without" or "with" or "by" or "for" or "under" or "one"
            or "two" or "three" or "several" or "few" or "people" or "officials" or "prices" or "inflation" or "you")
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
            foreach (var r in _regions)
                if (r.Pieces.Count > 0 && p.Start <= r.Pieces[0].Start && r.Pieces[^1].End <= p.End + 1 && r.Outer.Start >= p.Start - 1 && r.Outer.Start < p.End)
                {
                    inside.Add(r);
                    foreach (var rp in r.Pieces) quotedChars += rp.Length;
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
            var own = _regions.FirstOrDefault(r => r.Pieces.Count > 0 && pieces.All(p => r.Pieces.Contains(p)));
            if (own is not null) { type = QuoteType.Direct; inside.Add(own); }
            else type = QuoteType.Indirect;
        }
        foreach (var r in inside) r.Consumed = true;
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
        QuoteCandidate? previous = null;
        foreach (var r in _regions)
        {
            if (r.Consumed || r.Pieces.Count == 0) continue;
            bool speechLike = r.Words >= 6 || r.Words >= 4 && r.EndsWithStop && r.StartsUpper;
            if (!speechLike) continue;
            // Inside a frame's content already (a quoted fragment of an indirect quote): skip.
            if (quotes.Any(q => q.Content.Any(c => c.Contains(r.Pieces[0])))) { r.Consumed = true; continue; }
            int sentence = _a.SentenceAt(r.Pieces[0].Start);
            // "A," he said. "B." — a bare quotation right after an attributed direct quote in the same paragraph continues it.
            var host = quotes.LastOrDefault(q => q.Type == QuoteType.Direct && q.Paragraph == _a.Sentences[sentence].Paragraph && q.End <= r.Pieces[0].Start);
            if (host is not null && !quotes.Any(q => q != host && q.Start > host.End && q.Start < r.Pieces[0].Start))
            {
                host.Content.AddRange(r.Pieces);
                r.Consumed = true;
                continue;
            }
            var q = new QuoteCandidate
            {
                Type = QuoteType.Direct, Sentence = sentence, Paragraph = _a.Sentences[sentence].Paragraph,
                Pattern = FramePattern.None,
            };
            q.Content.AddRange(r.Pieces);
            AttachDashTrailer(q, r);
            r.Consumed = true;
            quotes.Add(q);
            previous = q;
        }
        _ = previous;
    }

    /// <summary>"…" — Ana Ruiz, mayor: a name after a dash following the closing mark.</summary>
    private void AttachDashTrailer(QuoteCandidate q, QuoteRegion r)
    {
        int t = _a.TokenAtOrAfter(r.Outer.End);
        if (t >= _tokens.Length || !IsDash(t)) return;
        if (t + 1 < _tokens.Length && _mentionStartingAt[t + 1] is { } m)
        {
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
