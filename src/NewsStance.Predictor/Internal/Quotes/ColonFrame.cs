using NewsStance.Internal.Mentions;
using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Quotes;

/// <summary>
/// A name, a colon and what the person said: "Peskov: …", transcripts' "PENCE: …", and headlines'
/// "Caddell: Voters Worried…", "Poll: …" (but not a column's label, "The Latest: …"). The rest of the sentence is the content;
/// after a transcript's label ("Q:", "A:", "LEVIN:" opening a paragraph) the rest of the paragraph is, since a
/// transcript gives a speaker's line whole.
/// </summary>
internal sealed class ColonFrame(QuoteContext c, QuoteClassifier classifier)
{
    /// <summary>The quote of a sentence that opens with "Name:", or null.</summary>
    public QuoteCandidate? Find(Sentence s)
    {
        int first = s.FirstToken, end = first + s.TokenCount;
        // A transcript quoted paragraph by paragraph opens each line with a quotation mark: "“WALLACE: …".
        var quoted = c.Tokens[first].Kind == TokenKind.QuoteMark && first + 1 < end ? c.RegionAt(first + 1) : null;
        if (quoted is not null) first++;
        var m = c.MentionStartingAt(first);
        if (m is null || m.LastToken + 1 >= end || !c.IsPunct(m.LastToken + 1, ':')) return null;
        // A bare "Poll:" or "Report:" is the document whose findings follow ("A poll finds …"), so it is their source.
        bool finding = m.FirstToken == m.LastToken && QuoteWords.FindingLabels.Contains(c.Word(m.LastToken));
        if (m.Form != MentionForm.Name && !(finding && m.Form == MentionForm.Document)) return null;
        int colon = m.LastToken + 1;
        if (colon + 1 >= end) return null;
        // "The Latest: …", "Correction: …", "AP Poll: …": a label naming the column or the kind of story speaks no words.
        if (!finding && QuoteWords.ColumnLabels.Contains(c.Word(m.LastToken))) return null;
        var paragraph = c.Article.Paragraphs[s.Paragraph];
        // Inside a quotation only a transcript's label opens a line: a quoted tweet's "“Trump: You …" names its addressee.
        if (quoted is not null && !IsTranscriptLine(m, paragraph)) return null;
        int contentEnd = IsTranscriptLine(m, paragraph) ? LastSentenceEnd(paragraph) : c.Tokens[end - 1].End;
        // Inside a quotation the line ends where its piece of the quotation does (before a closing mark).
        if (quoted?.Pieces.FirstOrDefault(p => p.Start <= c.Tokens[colon].Start && c.Tokens[colon].Start < p.End) is { } piece && piece.Length > 0)
            contentEnd = Math.Min(contentEnd, piece.End);
        var content = c.Trim(new TextSpan(c.Tokens[colon + 1].Start, contentEnd));
        if (content.Length == 0) return null;
        var frame = new ReportingFrame(s, [content], c.Tokens[colon].Span, ":", m, FramePattern.Colon);
        return quoted is not null ? classifier.QuotedLine(frame, quoted) : classifier.Classify(frame);
    }

    /// <summary>A label opening its paragraph: a transcript's "Q:"/"A:", or a surname in capitals ("LEVIN:").</summary>
    private bool IsTranscriptLine(Mention m, Paragraph paragraph)
        => (c.Tokens[m.FirstToken].Start == paragraph.Span.Start
            || m.FirstToken > 0 && c.Tokens[m.FirstToken - 1].Kind == TokenKind.QuoteMark && c.Tokens[m.FirstToken - 1].Start == paragraph.Span.Start)
           && (m.Label != TranscriptLabel.None || m.Core.Length > 1 && !m.Core.Any(char.IsLower));

    private int LastSentenceEnd(Paragraph paragraph)
    {
        var last = c.Article.Sentences[paragraph.FirstSentence + paragraph.SentenceCount - 1];
        return c.Tokens[last.FirstToken + last.TokenCount - 1].End;
    }
}
