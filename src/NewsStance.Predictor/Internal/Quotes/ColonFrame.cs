using NewsStance.Internal.Mentions;
using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Quotes;

/// <summary>
/// A name, a colon and what the person said: "Peskov: …", transcripts' "PENCE: …", and headlines'
/// "Caddell: Voters Worried…". The rest of the sentence is the content; after a transcript's label ("Q:", "A:",
/// "LEVIN:" opening a paragraph) the rest of the paragraph is, since a transcript gives a speaker's line whole.
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
        var paragraph = c.Article.Paragraphs[s.Paragraph];
        int contentEnd = IsTranscriptLine(m, paragraph) ? LastSentenceEnd(paragraph) : c.Tokens[end - 1].End;
        var content = c.Trim(new TextSpan(c.Tokens[colon + 1].Start, contentEnd));
        if (content.Length == 0) return null;
        return classifier.Classify(new ReportingFrame(s, [content], c.Tokens[colon].Span, ":", m, FramePattern.Colon));
    }

    /// <summary>A label opening its paragraph: a transcript's "Q:"/"A:", or a surname in capitals ("LEVIN:").</summary>
    private bool IsTranscriptLine(Mention m, Paragraph paragraph)
        => c.Tokens[m.FirstToken].Start == paragraph.Span.Start
           && (m.Label != TranscriptLabel.None || m.Core.Length > 1 && !m.Core.Any(char.IsLower));

    private int LastSentenceEnd(Paragraph paragraph)
    {
        var last = c.Article.Sentences[paragraph.FirstSentence + paragraph.SentenceCount - 1];
        return c.Tokens[last.FirstToken + last.TokenCount - 1].End;
    }
}
