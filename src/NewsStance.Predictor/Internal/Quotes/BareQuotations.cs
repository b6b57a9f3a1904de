using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Quotes;

/// <summary>
/// Quotations no frame took as its content, when they read like speech: long enough, or a sentence of their own.
/// Shorter ones are scare quotes, titles and terms. A dash trailer after one names its speaker.
/// </summary>
internal sealed class BareQuotations(QuoteContext c, DashTrailer dashTrailer)
{
    /// <summary>The speech-like quotations outside <paramref name="claimed"/> as direct quotes, in text order.</summary>
    public List<QuoteCandidate> Find(IReadOnlySet<QuoteRegion> claimed)
    {
        var quotes = new List<QuoteCandidate>();
        foreach (var r in c.Regions)
        {
            if (claimed.Contains(r) || r.Pieces.Count == 0) continue;
            bool speechLike = r.Words >= 6 || r.Words >= 4 && r.EndsWithStop && r.StartsUpper;
            if (!speechLike) continue;
            int sentence = c.Article.SentenceAt(r.Pieces[0].Start);
            int paragraph = c.Article.Sentences[sentence].Paragraph;
            // A headline capitalises every word, so only in the body does title case mark a title.
            if (!c.Article.Paragraphs[paragraph].IsTitle && IsTitleCase(r)) continue;
            quotes.Add(dashTrailer.Find(r, sentence, paragraph) ?? new QuoteCandidate
            {
                Type = QuoteType.Direct, Content = r.Pieces, Quotations = [r], Sentence = sentence, Paragraph = paragraph,
                Pattern = FramePattern.None,
            });
        }
        return quotes;
    }

    /// <summary>
    /// True when every word of the quotation is capitalised but the short function words ("Tales From the Crypt",
    /// "Make America Great Again"): the title of a work, a programme or a slogan, which speech does not write so.
    /// </summary>
    private bool IsTitleCase(QuoteRegion r)
    {
        int capitalised = 0;
        foreach (var piece in r.Pieces)
            for (int t = c.Article.TokenAtOrAfter(piece.Start); t < c.Tokens.Length && c.Tokens[t].Start < piece.End; t++)
            {
                if (c.Tokens[t].Kind != TokenKind.Word) continue;
                if (char.IsUpper(c.First(t))) capitalised++;
                else if (capitalised == 0 || !QuoteWords.TitleCaseMinorWords.Contains(c.Word(t))) return false;
            }
        return capitalised >= 2;
    }
}
