using NewsStance.Internal.Mentions;
using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Quotes;

/// <summary>
/// The frames of a finite reporting verb: subject, cue and content ("Peskov stressed that …"), content then
/// subject and cue ("…, Peskov said." and mid-sentence "The plan, he said, would fail"), content then cue and
/// subject ("…, said Peskov."), and a second verb of the sentence's subject ("… visited the site and said …").
/// </summary>
internal sealed class VerbFrame(QuoteContext c, QuoteClassifier classifier, ReportedContent content, VerbSubject subjects)
{
    /// <summary>The quote of the reporting verb read as <paramref name="cue"/> in sentence <paramref name="s"/>, or null.</summary>
    public QuoteCandidate? Find(Sentence s, VerbCue cue)
    {
        int first = s.FirstToken, end = first + s.TokenCount;
        int k = cue.SubjectEnd, cueEnd = cue.CueEnd;
        string lemma = cue.Lemma;
        var (subject, subjectStart) = subjects.Find(s, cue);

        if (subject is not null && !c.InQuote(subject.FirstToken))
        {
            // Subject-cue with content after it, or a trailer "…, X said."
            // "…," the operator's director, Bernard Lacombe, said, "…": the content stops before the whole apposition.
            int phraseStart = subjectStart >= first ? Math.Min(subject.FirstToken, subjectStart) : subject.FirstToken;
            int before = phraseStart - 1;
            // "…, who say the plan lacks money": a relative pronoun opens a relative clause; the main clause before it is
            // about its antecedent, not its content, so the frame reads forward.
            bool trailer = before >= first && (c.IsPunct(before, ',') || c.IsDash(before) || c.Tokens[before].Kind == TokenKind.QuoteMark || c.IsPunct(before, '('))
                && subject.Head is not ("who" or "which");
            int afterCue = SkipAddressee(lemma, cueEnd + 1, end);
            // Subject-cue with content after it; in a fronted subordinate clause ("When X said …, the traders cheered")
            // the content ends at the comma that closes the clause.
            QuoteCandidate? Forward()
            {
                int clauseEnd = OpensSubordinateClause(phraseStart, first) ? FirstCommaOutsideQuotes(cueEnd + 1, end) : end;
                var after = content.After(cueEnd, lemma, clauseEnd, requireThat: !Lexicon.IsCoreSpeechVerb(lemma));
                return after is null ? null : classifier.Classify(new ReportingFrame(s, after, cue.Cue, cue.Lemma, subject, FramePattern.SubjectCueContent));
            }
            // "As the crowd cheered, the mayor said the bridge would reopen": what precedes the subject is a fronted adverbial,
            // not content, when words follow the cue; the frame reads forward if it finds content there.
            // A fronted participle phrase ("Asked about the delays, …", "Speaking to reporters, …") describes the subject and is
            // never what it said: the frame reads forward to a quotation after the cue as well.
            bool participle = OpensParticiplePhrase(first);
            bool wordsAfter = afterCue < end && c.Tokens[afterCue].Kind == TokenKind.Word && !c.InQuote(afterCue);
            // Likewise a fronted adverbial before a verb followed by a quotation: "In a letter, she wrote, "…"".
            if (trailer && (wordsAfter && (participle || OpensFrontedAdverbial(first)) || (participle || OpensFrontedAdverbial(first)) && QuotationAfter(afterCue, end))
                && Forward() is { } forward)
                return forward;
            // ""…," Mayor Reed told a meeting in the church hall.": after a quotation that opens the sentence, the trailing
            // attribution's content is that quotation; a place, time, addressee or clause after the verb tells how it was
            // said, unless "that" opens a reported clause there.
            bool afterQuotation = trailer && OpeningQuotationEndsAt(before, first) && !ThatAfter(afterCue, end);
            if (trailer && (afterQuotation || content.IsClauseEnd(afterCue, end, lemma)) && !(wordsAfter && !afterQuotation && OnlyFrontedPhrases(first, before)))
            {
                // "…, X said." — and mid-sentence "The plan, X said, would fail within a year."
                var right = Continuation(afterCue, end);
                var left = right is null ? LeftContent(first, before) : LeftContent(first, before, minWords: 1);
                // With nothing to report before it ("However, Rep. Lynch said the law …"), the frame reads forward instead.
                if (left is not null)
                {
                    var pieces = new List<TextSpan> { left.Value };
                    if (right is not null && !c.InQuote(c.Article.TokenAtOrAfter(left.Value.Start))) pieces.Add(right.Value);
                    else AddSplitTail(pieces, afterCue, end);
                    if (classifier.Classify(new ReportingFrame(s, pieces, cue.Cue, cue.Lemma, subject, FramePattern.ContentSubjectCue)) is { } trailerQuote) return trailerQuote;
                }
            }
            // ""Pay the workers now!" Union leader Jo Marsh said.": a quotation closing on "!" or "?" ends a sentence of its
            // own before a capitalised speaker; the attribution that opens the next sentence and ends with its verb takes it.
            if (phraseStart == first && QuotationEndingSentenceBefore(s) is { } exclaimed && content.IsClauseEnd(afterCue, end, lemma))
            {
                var quoted = c.Article.Sentences[c.Article.SentenceAt(exclaimed.Start)];
                if (classifier.Classify(new ReportingFrame(quoted, [exclaimed], cue.Cue, cue.Lemma, subject, FramePattern.ContentSubjectCue)) is { } q) return q;
            }
            return Forward();
        }

        // A second verb of the sentence's subject: "The minister visited the site and said (that) …", "…, but said …"; or of
        // the clause's ("…, such as when Cruz met Rubio and called him …").
        if (k >= first && c.Slice(k) is "and" or "but" && !c.InQuote(k)
            && (ClauseStart(s, k) is int clause && c.MainSubject(s, clause, k) is { } main && main.FirstToken == clause ? main : subjects.OfCoordinatedVerb(s, k)) is { } shared)
        {
            var after = content.After(cueEnd, lemma, end, requireThat: !Lexicon.IsCoreSpeechVerb(lemma));
            return after is null ? null : classifier.Classify(new ReportingFrame(s, after, cue.Cue, cue.Lemma, shared, FramePattern.SubjectCueContent));
        }

        // Inverted trailer: "…, said Peskov."
        if (k >= first && (c.IsPunct(k, ',') || c.Tokens[k].Kind == TokenKind.QuoteMark) && cueEnd + 1 < end)
        {
            var after = c.SpeakerStartingAt(cueEnd + 1);
            if (after is null || after.Form == MentionForm.Pronoun && after.Head != "he" && after.Head != "she") return null;
            // "Arturo Vela, a former ambassador, said Mexico must respond": a mention followed by its verb or "that" is the
            // subject of the content after the cue, not an inverted speaker. After a quotation that opens the sentence
            // ("“…,” says a source involved in the talks.") the verb's content is that quotation, so what follows the speaker
            // is a post-modifier of it, not a clause of its own.
            if (!(c.Tokens[k].Kind == TokenKind.QuoteMark && OpeningQuotationEndsAt(k, first)) && !ClosesInvertedSpeaker(after.LastToken + 1, end)) return null;
            var left = LeftContent(first, k);
            if (left is null) return null;
            var pieces = new List<TextSpan> { left.Value };
            AddSplitTail(pieces, after.LastToken + 1, end);
            return classifier.Classify(new ReportingFrame(s, pieces, cue.Cue, cue.Lemma, after, FramePattern.ContentCueSubject));
        }
        return null;
    }

    /// <summary>
    /// True when what follows an inverted speaker at <paramref name="n"/> leaves it the speaker: not "that", a finite
    /// auxiliary ("was", "must", "doesn't") or a regular past form ("failed"), which make it the subject of a clause.
    /// </summary>
    private bool ClosesInvertedSpeaker(int n, int end)
    {
        if (n >= end || c.Tokens[n].Kind != TokenKind.Word || c.InQuote(n)) return true;
        var w = c.Word(n);
        if (w.EndsWith("n't", StringComparison.Ordinal) || w.EndsWith("n’t", StringComparison.Ordinal)) w = w[..^3];
        return !(w == "that" || QuoteWords.FiniteAuxiliaries.Contains(w) || char.IsLower(w[0]) && w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal));
    }

    /// <summary>True when a subordinating conjunction stands right before the subject at <paramref name="subjectStart"/>.</summary>
    private bool OpensSubordinateClause(int subjectStart, int first)
        => subjectStart - 1 >= first && c.Tokens[subjectStart - 1].Kind == TokenKind.Word && QuoteWords.Subordinators.Contains(c.Word(subjectStart - 1));

    /// <summary>True when the sentence opens with a preposition or subordinating conjunction ("On the other side, …", "As the crowd cheered, …").</summary>
    private bool OpensFrontedAdverbial(int first)
        => c.Tokens[first].Kind == TokenKind.Word && (QuoteWords.FrontedPhraseOpeners.Contains(c.Word(first)) || QuoteWords.Subordinators.Contains(c.Word(first)));

    /// <summary>
    /// True when the words from <paramref name="first"/> to <paramref name="before"/> are fronted phrases only: pieces set off
    /// by commas, each opening with a preposition or subordinating conjunction ("On Tuesday, even as shares fell, …"), or one
    /// prepositional phrase with no verb ("During the long night, …"). They set the scene for the clause after them and hold
    /// no clause of their own that could be its content.
    /// </summary>
    private bool OnlyFrontedPhrases(int first, int before)
    {
        if (!OpensFrontedAdverbial(first)) return false;
        // Without a comma of its own the opening phrase may run on into a clause ("In the spring the bridge will reopen").
        bool comma = false;
        for (int t = first; t < before; t++)
        {
            if (c.InQuote(t)) return false;
            if (!c.IsPunct(t, ',') || c.Tokens[t + 1].Kind != TokenKind.Word) continue;
            comma = true;
            var w = c.Word(t + 1).ToLowerInvariant();
            if (w == "even" && t + 2 < before) w = c.Word(t + 2).ToLowerInvariant();
            if (!QuoteWords.FrontedPhraseOpeners.Contains(w) && !QuoteWords.Subordinators.Contains(w)) return false;
        }
        return comma || PhraseWithoutVerb(first, before);
    }

    /// <summary>
    /// True when a prepositional phrase runs from <paramref name="first"/> to <paramref name="before"/> with no finite
    /// auxiliary and no lower-case word ending in "-ed" or "-s" (a verb, or a plural that may be a subject: read as a clause)
    /// in it ("During the two-hour service"), so no clause ("In the spring the bridge will reopen").
    /// </summary>
    private bool PhraseWithoutVerb(int first, int before)
    {
        if (QuoteWords.Subordinators.Contains(c.Word(first).ToLowerInvariant())) return false;
        for (int t = first + 1; t < before; t++)
        {
            if (c.Tokens[t].Kind != TokenKind.Word) continue;
            var w = c.Word(t);
            if (QuoteWords.FiniteAuxiliaries.Contains(w.ToLowerInvariant()) || char.IsLower(w[0]) && (w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith('s'))) return false;
        }
        return true;
    }

    /// <summary>
    /// True when the sentence opens with a participle ("Asked about …", "Speaking to …", "Pressed on …"): an "-ed" or "-ing"
    /// word, not "According" (its own frame), before a lower-case word (a name would be followed by its own or by a verb).
    /// </summary>
    private bool OpensParticiplePhrase(int first)
    {
        if (c.Tokens[first].Kind != TokenKind.Word || c.InQuote(first) || first + 1 >= c.Tokens.Length
            || c.Tokens[first + 1].Kind != TokenKind.Word || !char.IsLower(c.First(first + 1))) return false;
        return Lexicon.IsParticipleForm(c.Word(first));
    }

    /// <summary>True when a quotation opens at <paramref name="i"/>, or after the comma or colon there.</summary>
    private bool QuotationAfter(int i, int end)
        => i < end && (c.InQuote(i) || (c.IsPunct(i, ',') || c.IsPunct(i, ':')) && i + 1 < end && c.InQuote(i + 1));

    /// <summary>
    /// True when a quotation that opens the sentence ends at <paramref name="before"/> (its closing mark, or a comma right
    /// after it): the sentence reads "…," X said.
    /// </summary>
    private bool OpeningQuotationEndsAt(int before, int first)
    {
        if (before > first && c.IsPunct(before, ',') && !c.InQuote(before)) before--;
        return before > first && c.Tokens[before].Kind == TokenKind.QuoteMark && c.RegionAt(before) is { } r
            && c.RegionAt(first) == r;
    }

    /// <summary>
    /// The last piece of a quotation that closes on "!" or "?" right before sentence <paramref name="s"/> in its paragraph,
    /// or null.
    /// </summary>
    private TextSpan? QuotationEndingSentenceBefore(Sentence s)
    {
        int mark = s.FirstToken - 1;
        if (mark < 0 || c.Tokens[mark].Kind != TokenKind.QuoteMark || c.RegionAt(mark) is not { Pieces.Count: > 0 } r) return null;
        var piece = r.Pieces[^1];
        bool sameParagraph = piece.Start >= c.Article.Paragraphs[s.Paragraph].Span.Start;
        return sameParagraph && c.Text[piece.End - 1] is '!' or '?' && r.Outer.End <= c.Tokens[s.FirstToken].Start ? piece : null;
    }

    /// <summary>True when "that" stands outside quotation marks between <paramref name="from"/> and <paramref name="end"/>.</summary>
    private bool ThatAfter(int from, int end)
    {
        for (int t = from; t < end; t++)
            if (!c.InQuote(t) && c.Tokens[t].Kind == TokenKind.Word && c.Slice(t) is "that") return true;
        return false;
    }

    /// <summary>The first comma outside quotation marks from <paramref name="from"/>, or <paramref name="end"/>.</summary>
    private int FirstCommaOutsideQuotes(int from, int end)
    {
        for (int t = from; t < end; t++)
            if (!c.InQuote(t) && c.IsPunct(t, ',')) return t;
        return end;
    }

    /// <summary>The addressee of "told parliament", "told Reuters", "told reporters on Monday" is skipped.</summary>
    private int SkipAddressee(string lemma, int i, int end)
    {
        if (i >= end || lemma is not ("tell" or "inform" or "assure" or "brief" or "remind" or "notify" or "warn" or "reassure")) return i;
        if (c.MentionStartingAt(i) is { } m) return m.LastToken + 1;
        int k = i;
        while (k < end && k - i < 3 && c.Tokens[k].Kind == TokenKind.Word && !c.InQuote(k)
               && c.Word(k).ToLowerInvariant() is not ("that" or "on" or "in" or "at" or "during" or "after" or "before" or "last" or "this" or "late"))
        {
            k++;
            // "told reporters outside the depot": the addressee ends at its noun; what follows is an adverbial.
            if (c.IsNounEnd(k - 1)) break;
        }
        return k;
    }

    /// <summary>"The plan, he said, would fail": the rest of the sentence after the attribution's comma, if it continues the clause.</summary>
    private TextSpan? Continuation(int i, int end)
    {
        int k = i;
        // An adverbial after the cue: ", he said on Tuesday, would …".
        while (k < end && !c.InQuote(k) && c.Tokens[k].Kind == TokenKind.Word && k - i < 5) k++;
        if (k >= end || !c.IsPunct(k, ',') || k + 1 >= end) return null;
        int n = k + 1;
        if (c.InQuote(n) || c.Tokens[n].Kind != TokenKind.Word) return null;
        var w = c.Word(n).ToLowerInvariant();
        // ", adding that …" is a participle frame; ", and …" starts a new clause; ", who …" a relative clause.
        if (Lexicon.ReportingLemma(w) is not null || QuoteWords.ContinuationBreakers.Contains(w)) return null;
        var span = c.Trim(new TextSpan(c.Tokens[n].Start, c.Tokens[end - 1].End));
        return span.Length == 0 || c.TokenCount(span) < 2 ? null : span;
    }

    /// <summary>
    /// Where the main clause of the sentence starts: after its opening phrase ("Hours later, …", "Visiting Salem, …"),
    /// or after the comma that closes a fronted phrase ("In a letter to the minister, union leaders …"); null when
    /// that comma is not before <paramref name="limit"/>.
    /// </summary>
    private int? ClauseStart(Sentence s, int limit)
    {
        int first = s.FirstToken;
        if (!QuoteWords.FrontedPhraseOpeners.Contains(c.Word(first)))
            return c.MainClauseStart(s) < limit ? c.MainClauseStart(s) : first;
        for (int t = first + 1; t < limit; t++)
            if (!c.InQuote(t) && c.IsPunct(t, ',')) return t + 1;
        return null;
    }

    /// <summary>Content to the left of a trailer: from the sentence start, or a quotation ending just before.</summary>
    private TextSpan? LeftContent(int first, int beforeSubject, int minWords = 3)
    {
        int stop = beforeSubject;
        while (stop >= first && (c.IsPunct(stop, ',') || c.IsDash(stop) || c.IsPunct(stop, '(') || c.Tokens[stop].Kind == TokenKind.QuoteMark && !c.InQuote(stop))) stop--;
        if (stop < first) return null;
        if (c.InQuote(stop))
        {
            // "…," he said. — the content is the quotation's last piece.
            var region = c.RegionAt(stop)!;
            if (region.Pieces.Count == 0) return null;
            // "The new timetable "will not fix the delays,"" he said. — a quotation opening right after words of its own
            // clause is a fragment of that clause: the reported clause runs from the sentence start, marks included.
            return LeadInTo(region, first) is { } clause ? clause : region.Pieces[^1];
        }
        // From the sentence start: a leading connective ("But", "However,") stays in the content.
        var span = c.Trim(new TextSpan(c.Tokens[first].Start, c.Tokens[stop].End));
        return span.Length == 0 || c.TokenCount(span) < minWords ? null : span;
    }

    /// <summary>
    /// The whole clause from the sentence start at <paramref name="first"/> to the end of <paramref name="quotation"/> when
    /// the quotation is one piece that opens right after a word outside quotation marks (no comma, colon or dash between),
    /// and no reporting word stands in the words before it (they would be a frame of their own); else null.
    /// </summary>
    private TextSpan? LeadInTo(QuoteRegion quotation, int first)
    {
        if (quotation.Pieces.Count != 1) return null;
        int open = c.Article.TokenAtOrAfter(quotation.Outer.Start);
        if (open <= first || c.Tokens[open - 1].Kind != TokenKind.Word || c.InQuote(open - 1) || c.InQuote(first)) return null;
        for (int t = first; t < open; t++)
            if (c.InQuote(t) || c.Tokens[t].Kind == TokenKind.Word && Lexicon.ReportingLemma(c.Slice(t)) is not null) return null;
        return new TextSpan(c.Tokens[first].Start, quotation.Outer.End);
    }

    /// <summary>
    /// "…," he said, "…." — the piece after the attribution belongs to the same quote; but after a second verb of saying
    /// ("…," he said, adding, "…", "… before adding: "…"") the piece is that verb's own statement.
    /// </summary>
    private void AddSplitTail(List<TextSpan> pieces, int from, int end)
    {
        int k = from;
        while (k < end && !c.InQuote(k) && (c.IsPunct(k, ',') || c.IsPunct(k, ':') || c.IsPunct(k, ';') || c.IsDash(k))) k++;
        // Allow a short adverbial before the second piece: ", he said on Tuesday, "…"".
        int scan = k;
        while (scan < end && !c.InQuote(scan) && scan - k < 6)
        {
            if (c.Tokens[scan].Kind == TokenKind.Word && Lexicon.ReportingLemma(c.Slice(scan)) is not null) return;
            scan++;
        }
        if (scan < end && c.InQuote(scan) && (scan == k || c.IsPunct(scan - 1, ',') || c.IsPunct(scan - 1, ':') || c.IsDash(scan - 1)))
        {
            var region = c.RegionAt(scan)!;
            foreach (var p in region.Pieces) if (p.Start > pieces[^1].End) pieces.Add(p);
        }
    }
}
