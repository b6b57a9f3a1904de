using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Quotes;

/// <summary>
/// Pairs double quotation marks (straight, curly, guillemets) paragraph by paragraph. An unbalanced
/// mark closes at its paragraph's end, unless the next paragraph opens with a mark: then the
/// quotation continues there (the news convention for multi-paragraph quotes).
/// </summary>
internal static class QuoteRegionFinder
{
    public static List<QuoteRegion> Find(Article article)
    {
        var regions = new List<OpenRegion>();
        var text = article.Text;
        var tokens = article.Tokens;
        OpenRegion? carried = null;
        int ti = 0;
        foreach (var p in article.Paragraphs)
        {
            while (ti < tokens.Length && tokens[ti].Start < p.Span.Start) ti++;
            int openAt = -1, markStart = -1; // the opening mark's last character and its first (two for '')
            if (carried is not null)
            {
                // Continue only when this paragraph opens with a quotation mark.
                if (ti < tokens.Length && tokens[ti].Start == p.Span.Start && tokens[ti].Kind == TokenKind.QuoteMark && IsOpener(Lexicon.Normalize(text, tokens[ti].Start, tokens[ti].Length)))
                {
                    openAt = tokens[ti].End - 1;
                    markStart = tokens[ti].Start;
                    ti++;
                }
                else carried = null;
            }
            for (; ti < tokens.Length && tokens[ti].Start < p.Span.End; ti++)
            {
                var t = tokens[ti];
                if (t.Kind != TokenKind.QuoteMark || !Lexicon.IsDoubleQuoteToken(text, t.Start, t.Length)) continue;
                char c = Lexicon.Normalize(text, t.Start, t.Length);
                if (openAt < 0)
                {
                    if (c is '”' or '»' && !(ti + 1 < tokens.Length && tokens[ti + 1].Start == t.End && char.IsLetter(text[t.End]))) continue; // stray closer
                    openAt = t.End - 1;
                    markStart = t.Start;
                    continue;
                }
                if (c is '“' or '«' or '„' && !(c == '“' && IsCloserContext(text, t.Start)))
                {
                    // A new opener while open: the earlier quotation was never closed.
                    Close(article, regions, carried, markStart, openAt, t.Start, t.Start);
                    openAt = t.End - 1;
                    markStart = t.Start;
                    continue;
                }
                Close(article, regions, carried, markStart, openAt, t.Start, t.End);
                carried = null;
                openAt = -1;
            }
            if (openAt >= 0)
            {
                // Unbalanced: close at the paragraph end; carry over if the next paragraph reopens.
                var region = Close(article, regions, carried, markStart, openAt, p.Span.End, p.Span.End);
                carried = region;
            }
        }
        return regions.Select(r => Describe(article, r)).ToList();
    }

    /// <summary>A region while the paragraphs are read: a quotation continued in the next paragraph grows a piece and its outer end.</summary>
    private sealed class OpenRegion(int outerStart, int outerEnd)
    {
        public List<TextSpan> Pieces { get; } = [];
        public int OuterStart { get; } = outerStart;
        public int OuterEnd { get; set; } = outerEnd;
    }

    private static bool IsOpener(char c) => c is '"' or '“' or '«' or '„';

    // “ used as a closing mark (German style, or typos): preceded by a letter or punctuation, followed by space.
    private static bool IsCloserContext(string text, int i)
        => i > 0 && !char.IsWhiteSpace(text[i - 1]) && (i + 1 >= text.Length || char.IsWhiteSpace(text[i + 1]) || char.IsPunctuation(text[i + 1]));

    /// <summary>
    /// Closes the quotation whose opening mark starts at <paramref name="markStart"/> and ends at <paramref name="openAt"/>:
    /// a new region, or one more piece of the region carried from the paragraph before. The region's outer span starts
    /// with the whole mark, so a two-character mark ('') lies inside its quotation as a one-character mark does.
    /// </summary>
    private static OpenRegion Close(Article a, List<OpenRegion> regions, OpenRegion? carried, int markStart, int openAt, int contentEnd, int outerEnd)
    {
        var text = a.Text;
        int s = openAt + 1, e = contentEnd;
        while (s < e && char.IsWhiteSpace(text[s])) s++;
        while (e > s && (char.IsWhiteSpace(text[e - 1]) || text[e - 1] == ',')) e--;
        var region = carried;
        if (region is null) { region = new OpenRegion(markStart, outerEnd); regions.Add(region); }
        else region.OuterEnd = outerEnd;
        if (e > s) region.Pieces.Add(new TextSpan(s, e));
        return region;
    }

    private static QuoteRegion Describe(Article a, OpenRegion r)
    {
        var outer = new TextSpan(r.OuterStart, r.OuterEnd);
        if (r.Pieces.Count == 0) return new QuoteRegion { Pieces = [], Outer = outer };
        int words = 0;
        int ti = a.TokenAtOrAfter(r.Pieces[0].Start);
        int end = r.Pieces[^1].End;
        for (; ti < a.Tokens.Length && a.Tokens[ti].Start < end; ti++)
            if (a.Tokens[ti].Kind is TokenKind.Word or TokenKind.Number) words++;
        var text = a.Text;
        char last = text[end - 1];
        return new QuoteRegion
        {
            Pieces = r.Pieces, Outer = outer, Words = words,
            EndsWithStop = last is '.' or '!' or '?' or '…' || (end < text.Length && text[end] == ','),
            StartsUpper = char.IsUpper(text[r.Pieces[0].Start]),
        };
    }
}
