using NewsStance.Internal.Mentions;
using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Quotes;

/// <summary>
/// A participle of a reporting verb that continues the sentence's subject: "…, adding that …", and after a
/// connective, "…, while acknowledging that …", "… before adding that …"; or that reports what a published document
/// says, for the one who put it out: "The mayor issued a statement saying …".
/// </summary>
internal sealed class ParticipleFrame(QuoteContext c, QuoteClassifier classifier, ReportedContent content)
{
    /// <summary>
    /// The quote of the participle read as <paramref name="cue"/> in sentence <paramref name="s"/>, or null;
    /// <paramref name="previous"/> is the frame found last before it in the same sentence, if any.
    /// </summary>
    public QuoteCandidate? Find(Sentence s, VerbCue cue, QuoteCandidate? previous)
    {
        int first = s.FirstToken, end = first + s.TokenCount;
        int k = cue.SubjectEnd;
        if (PublishedDocument(s, k) is { } published) return published.Subject is null ? null : Published(s, cue, published.Verb, published.Subject);
        // "…, with three in ten voters saying …", "with Senator Lee calling it …": in an absolute clause opened by "with" the
        // noun phrase right before the participle is its subject, so the speaker.
        if (AbsoluteSubject(k, first) is { } absolute)
        {
            var said = content.After(cue.CueEnd, cue.Lemma, end, requireThat: !Lexicon.IsCoreSpeechVerb(cue.Lemma));
            return said is null ? null : classifier.Classify(new ReportingFrame(s, said, cue.Cue, cue.Lemma, absolute, FramePattern.Participle));
        }
        // "Noting that the port lost money, Lee said …", "After suggesting on Monday that …, Ortiz …": a participle phrase
        // fronted before the main clause, alone or after a subordinator or preposition, describes that clause's subject.
        if (FrontedPhraseSubject(s, cue) is { } fronted)
        {
            var said = content.After(cue.CueEnd, cue.Lemma, c.MainClauseStart(s) - 1, requireThat: !Lexicon.IsCoreSpeechVerb(cue.Lemma));
            return said is null ? null : classifier.Classify(new ReportingFrame(s, said, cue.Cue, cue.Lemma, fronted, FramePattern.Participle));
        }
        // After a comma, a connective, or a quotation that closes on its comma ("… "a waste of money," adding that …").
        bool quoteComma = k > first && c.Tokens[k].Kind == TokenKind.QuoteMark && c.InQuote(k) && c.Text[c.Tokens[k].Start - 1] == ',';
        if (k < first || !(c.IsPunct(k, ',') || quoteComma || k > first && c.Slice(k) is "while" or "before" or "after" or "when" or "by")) return null;
        // The speaker is the sentence's main subject, the first mention after its opening phrase and before any reporting word;
        // after an attribution that follows its content ("“…,” said Ann Lee, suggesting that …", "“…,” she said, adding, “…”",
        // "Ruiz will visit the depot, Hale said, adding that …") the participle attaches to that attribution and continues its
        // speaker: a mention inside the reported clause before it is that clause's subject, not the participle's.
        var main = c.MainSubject(s, first, cue.Verb);
        if (previous is { Pattern: FramePattern.ContentCueSubject or FramePattern.ContentSubjectCue, FrameSpeaker: { } trailer }
            && trailer.LastToken < cue.Verb && (main is null || previous.Content.Any(p => p.Contains(main.Span))))
            main = trailer;
        // "It's a long shot, but Ruiz was in Velna on Tuesday, urging …": a clause joined by "but" between the subject and the
        // participle is the clause the participle attaches to, and its subject is the participle's.
        else if (main is not null && SubjectAfterBut(main.LastToken + 1, k) is { } nearer)
            main = nearer;
        if (main is null) return null;
        var after = content.After(cue.CueEnd, cue.Lemma, end, requireThat: !Lexicon.IsCoreSpeechVerb(cue.Lemma));
        if (after is null) return null;
        return classifier.Classify(new ReportingFrame(s, after, cue.Cue, cue.Lemma, main, FramePattern.Participle));
    }

    /// <summary>
    /// The subject of the main clause when the participle opens the sentence's fronted phrase, alone ("Noting …, Lee said")
    /// or after a subordinator or preposition ("While saying …", "In describing …"), and the phrase's comma comes after
    /// the cue: the mention that opens the main clause, when it is followed by a word; else null.
    /// </summary>
    private Mention? FrontedPhraseSubject(Sentence s, VerbCue cue)
    {
        int first = s.FirstToken, main = c.MainClauseStart(s);
        bool opens = cue.Verb == first || cue.Verb == first + 1 && c.Tokens[first].Kind == TokenKind.Word
            && (QuoteWords.Subordinators.Contains(c.Word(first)) || QuoteWords.ParticipleAdverbialStarts.Contains(c.Word(first)));
        if (!opens || c.InQuote(cue.Verb) || main <= cue.CueEnd + 1 || !c.IsPunct(main - 1, ',')) return null;
        return c.MentionStartingAt(main) is { } m && m.LastToken + 1 < s.FirstToken + s.TokenCount && c.Tokens[m.LastToken + 1].Kind == TokenKind.Word ? m : null;
    }

    /// <summary>
    /// The subject of an absolute clause ending at <paramref name="k"/> right before the participle: a mention that is no
    /// pronoun, opened by "with" ("with 30 percent of voters saying …"); or null.
    /// </summary>
    private Mention? AbsoluteSubject(int k, int first)
        => k >= first && !c.InQuote(k) && c.MentionEndingAt(k) is { } m && m.Form != MentionForm.Pronoun
           && m.FirstToken - 1 >= first && !c.InQuote(m.FirstToken - 1) && c.Slice(m.FirstToken - 1) is "with" ? m : null;

    /// <summary>
    /// The subject of the last clause opened by ", but" between <paramref name="from"/> and the participle's comma at
    /// <paramref name="comma"/>: the mention within three words after "but" (past an adverbial: "but late Saturday he"),
    /// when a word follows it. Null when no such clause stands there.
    /// </summary>
    private Mention? SubjectAfterBut(int from, int comma)
    {
        Mention? subject = null;
        for (int t = from + 1; t < comma; t++)
        {
            if (c.InQuote(t) || c.Slice(t) is not "but" || !c.IsPunct(t - 1, ',')) continue;
            for (int n = t + 1; n < comma && n - t <= 3; n++)
            {
                if (c.InQuote(n) || c.Tokens[n].Kind != TokenKind.Word) break;
                if (c.MentionStartingAt(n) is not { } m) continue;
                if (m.LastToken + 1 < comma && c.Tokens[m.LastToken + 1].Kind == TokenKind.Word) subject = m;
                break;
            }
        }
        return subject;
    }

    /// <summary>
    /// "The mayor issued a statement saying …": the participle reports what the document says; the cue runs from the
    /// publishing verb at <paramref name="verb"/> to the participle, and the speaker is that verb's subject.
    /// </summary>
    private QuoteCandidate? Published(Sentence s, VerbCue cue, int verb, Mention subject)
    {
        var after = content.After(cue.CueEnd, cue.Lemma, s.FirstToken + s.TokenCount, requireThat: !Lexicon.IsCoreSpeechVerb(cue.Lemma));
        if (after is null) return null;
        var frameCue = new TextSpan(c.Tokens[verb].Start, cue.Cue.End);
        return classifier.Classify(new ReportingFrame(s, after, frameCue, cue.Lemma, subject, FramePattern.Participle));
    }

    /// <summary>
    /// The publishing verb and its subject when the token <paramref name="k"/> right before the participle closes the
    /// document that verb put out: "issued a statement", "released a short statement on Tuesday", "sent a letter this
    /// week": the verb, a determiner, at most three words to a document noun, then at most four words of time or place
    /// and no punctuation. Null when the participle follows no such object; the subject is null when none is found.
    /// </summary>
    private (int Verb, Mention? Subject)? PublishedDocument(Sentence s, int k)
    {
        int first = s.FirstToken;
        for (int t = k; t > first && k - t <= 8; t--)
        {
            if (c.InQuote(t) || c.Tokens[t].Kind != TokenKind.Word) return null;
            if (!QuoteWords.PublishingVerbs.Contains(c.Word(t - 1).ToLowerInvariant()) || c.InQuote(t - 1)) continue;
            if (!Lexicon.Determiners.Contains(c.Word(t).ToLowerInvariant())) return null;
            int noun = -1;
            for (int n = t + 1; n <= k && n - t <= 4; n++)
                if (Lexicon.DocumentHeads.Contains(c.Word(n).ToLowerInvariant())) { noun = n; break; }
            if (noun < 0 || k - noun > 4) return null;
            int verb = t - 1, j = verb - 1;
            while (j >= first && !c.InQuote(j) && QuoteContext.IsAuxOrAdverb(c.Word(j))) j--;
            var subject = j >= first ? c.MentionEndingAt(j) : null;
            subject ??= c.MainSubject(s, first, verb) is { } main && main.LastToken < verb ? main : null;
            return (verb, subject);
        }
        return null;
    }
}
