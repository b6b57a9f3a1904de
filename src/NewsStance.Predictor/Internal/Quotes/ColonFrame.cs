using NewsStance.Internal.Mentions;
using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Quotes;

/// <summary>
/// A name, a colon and what the person said: "Peskov: …", transcripts' "PENCE: …", and headlines'
/// "Caddell: Voters Worried…". The rest of the sentence is the content.
/// </summary>
internal sealed class ColonFrame(QuoteContext c, QuoteClassifier classifier)
{
    /// <summary>The quote of a sentence that opens with "Name:", or null.</summary>
    public QuoteCandidate? Find(Sentence s)
    {
        int first = s.FirstToken, end = first + s.TokenCount;
        var m = c.MentionStartingAt(first);
        if (m is null || m.Form != MentionForm.Name || m.LastToken + 1 >= end || !c.IsPunct(m.LastToken + 1, ':')) return null;
        int colon = m.LastToken + 1;
        if (colon + 1 >= end) return null;
        var content = c.Trim(new TextSpan(c.Tokens[colon + 1].Start, c.Tokens[end - 1].End));
        if (content.Length == 0) return null;
        return classifier.Classify(new ReportingFrame(s, [content], c.Tokens[colon].Span, ":", m, FramePattern.Colon));
    }
}
