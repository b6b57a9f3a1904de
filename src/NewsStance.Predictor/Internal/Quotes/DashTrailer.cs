namespace NewsStance.Internal.Quotes;

/// <summary>"…" — Ana Ruiz, mayor: a name after a dash that follows a quotation's closing mark.</summary>
internal sealed class DashTrailer(QuoteContext c)
{
    /// <summary>The quotation as a quote attributed by its dash trailer, or null when no name follows a dash after it.</summary>
    public QuoteCandidate? Find(QuoteRegion r, int sentence, int paragraph)
    {
        int t = c.Article.TokenAtOrAfter(r.Outer.End);
        if (t >= c.Tokens.Length || !c.IsDash(t)) return null;
        if (t + 1 >= c.Tokens.Length || c.SpeakerStartingAt(t + 1) is not { } m) return null;
        // The role after the name ("— Ana Ruiz, mayor") is read by EntityResolver, which owns entities.
        return new QuoteCandidate
        {
            Type = QuoteType.Direct, Content = r.Pieces, Quotations = [r], Sentence = sentence, Paragraph = paragraph,
            FrameSpeaker = m, Cue = c.Tokens[t].Span, CueLemma = "—", Pattern = FramePattern.DashTrailer,
        };
    }
}
