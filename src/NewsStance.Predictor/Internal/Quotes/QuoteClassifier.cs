namespace NewsStance.Internal.Quotes;

/// <summary>
/// Classifies a frame's content against the quotations inside it: direct when quotations make up (almost) all
/// of it, or when the content is itself one quotation ("…," he said); mixed when it holds a quoted fragment;
/// indirect otherwise. Frames call it as they are read, because a frame whose content says nothing is no
/// frame: the colon frame then leaves its sentence to the verb frames, a trailer reads forward instead.
/// </summary>
internal sealed class QuoteClassifier(QuoteContext c)
{
    /// <summary>The quote a frame gives, or null when it is reported speech of fewer than four words.</summary>
    public QuoteCandidate? Classify(ReportingFrame frame)
    {
        var pieces = frame.Content;
        var inside = new List<QuoteRegion>();
        int quotedChars = 0, contentChars = 0;
        foreach (var p in pieces)
        {
            contentChars += p.Length;
            // Regions met by the piece's tokens (linear in the piece, not in the article).
            for (int t = c.Article.TokenAtOrAfter(Math.Max(0, p.Start - 1)); t < c.Tokens.Length && c.Tokens[t].Start < p.End; t++)
            {
                if (c.RegionAt(t) is not { } r) continue;
                // A region's tokens are contiguous, so a region already taken is the last one taken.
                if (inside.Count > 0 && inside[^1] == r || r.Pieces.Count == 0) continue;
                if (p.Start <= r.Pieces[0].Start && r.Pieces[^1].End <= p.End + 1 && r.Outer.Start >= p.Start - MarkLength(r) && r.Outer.Start < p.End)
                {
                    inside.Add(r);
                    foreach (var rp in r.Pieces) quotedChars += rp.Length;
                }
            }
        }
        QuoteType type;
        IReadOnlyList<TextSpan> content = pieces;
        if (inside.Count > 0 && quotedChars >= 0.8 * contentChars)
        {
            type = QuoteType.Direct;
            content = inside.SelectMany(r => r.Pieces).ToList();
        }
        else if (inside.Count > 0) type = QuoteType.Mixed;
        else
        {
            // Content that is itself one quotation: "…," he said.
            int at = c.Article.TokenAtOrAfter(pieces[0].Start);
            var own = at < c.Tokens.Length ? c.RegionAt(at) : null;
            if (own is not null && !(own.Pieces.Count > 0 && pieces.All(p => own.Pieces.Contains(p)))) own = null;
            if (own is not null) { type = QuoteType.Direct; inside.Add(own); }
            else type = QuoteType.Indirect;
        }
        // Reported speech must say something: at least four words of content, or a clause of three with a pronoun subject
        // ("she supported it", "they were wrong"), which states a whole proposition; a verb whose object is what it says
        // names it in a short noun phrase as well ("called for new elections", "denounced the verdict"); a short answer
        // ("said yes", "said the same") stands for a whole clause.
        if (type == QuoteType.Indirect && content.Sum(c.TokenCount) is var words && words < 4 && !(words == 3 && OpensWithSubjectPronoun(content[0]))
            && !(words >= 2 && QuoteWords.ObjectContentVerbs.Contains(frame.CueLemma)) && !IsShortAnswer(content)) return null;
        return new QuoteCandidate
        {
            Type = type, Content = content.Distinct().OrderBy(p => p.Start).ToList(), Quotations = inside,
            Cue = frame.Cue, CueLemma = frame.CueLemma, FrameSpeaker = frame.Speaker, Pattern = frame.Pattern,
            Sentence = frame.Sentence.Index, Paragraph = frame.Sentence.Paragraph,
        };
    }

    /// <summary>
    /// A labelled line of a transcript quoted whole ("“WALLACE: …"): the speaker's own words, so direct; it takes the
    /// quotation, whose other lines are other speakers' frames, not a bare quote of their own.
    /// </summary>
    public QuoteCandidate QuotedLine(ReportingFrame frame, QuoteRegion quotation) => new()
    {
        Type = QuoteType.Direct, Content = frame.Content, Quotations = [quotation],
        Cue = frame.Cue, CueLemma = frame.CueLemma, FrameSpeaker = frame.Speaker, Pattern = frame.Pattern,
        Sentence = frame.Sentence.Index, Paragraph = frame.Sentence.Paragraph,
    };

    /// <summary>True when the content is one short answer ("yes", "so", "the same", "the same thing").</summary>
    private bool IsShortAnswer(IReadOnlyList<TextSpan> content)
    {
        if (content.Count != 1) return false;
        var text = c.Text.Substring(content[0].Start, content[0].Length);
        return QuoteWords.ShortAnswers.Contains(text) || text is "the same" or "the same thing" or "The same" or "The same thing";
    }

    /// <summary>The length of the quotation's opening mark: two for a doubled apostrophe or backtick (''…''), else one.</summary>
    private int MarkLength(QuoteRegion r) => r.Outer.Start + 1 < c.Text.Length && c.Text[r.Outer.Start] is '\'' or '`' && c.Text[r.Outer.Start + 1] == c.Text[r.Outer.Start] ? 2 : 1;

    /// <summary>True when <paramref name="piece"/> starts with a personal pronoun that can be a clause's subject.</summary>
    private bool OpensWithSubjectPronoun(TextSpan piece)
    {
        int t = c.Article.TokenAtOrAfter(piece.Start);
        return t < c.Tokens.Length && Lexicon.SubjectPronouns.Contains(c.Word(t));
    }
}
