using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Quotes;

/// <summary>
/// A participle of a reporting verb that continues the sentence's subject: "…, adding that …", and after a
/// connective, "…, while acknowledging that …", "… before adding that …".
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
        // After a comma, a connective, or a quotation that closes on its comma ("… "a waste of money," adding that …").
        bool quoteComma = k > first && c.Tokens[k].Kind == TokenKind.QuoteMark && c.InQuote(k) && c.Text[c.Tokens[k].Start - 1] == ',';
        if (k < first || !(c.IsPunct(k, ',') || quoteComma || k > first && c.Word(k) is "while" or "before" or "after" or "when" or "by")) return null;
        // The speaker is the sentence's main subject, the first mention after its opening phrase and before any reporting word;
        // after an attribution that follows its quotation ("“…,” said Ann Lee, suggesting that …", "“…,” she said, adding, “…”")
        // the participle continues the speaker of that attribution.
        var main = c.MainSubject(s, first, cue.Verb)
            ?? (previous is { Pattern: FramePattern.ContentCueSubject or FramePattern.ContentSubjectCue, FrameSpeaker: { } trailer }
                && trailer.LastToken < cue.Verb ? trailer : null);
        if (main is null) return null;
        var after = content.After(cue.CueEnd, cue.Lemma, end, requireThat: !Lexicon.IsCoreSpeechVerb(cue.Lemma));
        if (after is null) return null;
        return classifier.Classify(new ReportingFrame(s, after, cue.Cue, cue.Lemma, main, FramePattern.Participle));
    }
}
