namespace NewsStance.Internal.Quotes;

/// <summary>
/// Puts the frames' quotes and the bare quotations together into the article's quotes: a bare quotation inside a
/// frame's content is part of it; one right after a direct quote of its paragraph, or opening the paragraph after
/// one that closes on a direct quote, continues that quote; reported speech nested in another quote's content is
/// dropped; the rest is sorted by where it starts.
/// </summary>
internal sealed class QuoteAssembler(QuoteContext c)
{
    /// <summary>The quotes of the article from its <paramref name="frames"/> (in sentence order) and <paramref name="bare"/> quotations (in text order).</summary>
    public List<QuoteCandidate> Assemble(IReadOnlyList<QuoteCandidate> frames, IReadOnlyList<QuoteCandidate> bare)
    {
        var quotes = new List<QuoteCandidate>(frames);
        AddBare(quotes, bare);
        DropNested(quotes);
        quotes.Sort((x, y) => x.Start.CompareTo(y.Start));
        return quotes;
    }

    /// <summary>
    /// Adds the bare quotations that are not inside a frame's content, each as a quote of its own or as the
    /// continuation of the direct quote before it. Quotes are kept by index, as a continuation replaces its host.
    /// </summary>
    private void AddBare(List<QuoteCandidate> quotes, IReadOnlyList<QuoteCandidate> bare)
    {
        // A frame's content holds text of its own sentence, or whole quotation pieces: so a quotation inside some
        // frame's content is found among its sentence's quotes or by its first piece, without a scan of the paragraph.
        var bySentence = Enumerable.Range(0, quotes.Count).GroupBy(i => quotes[i].Sentence).ToDictionary(g => g.Key, g => g.ToList());
        var claimedPieces = quotes.SelectMany(q => q.Content).ToHashSet();
        // Quotes of each paragraph in text order, for the host of a continuation: frames sorted once, bare quotations appended in order.
        var byParagraph = Enumerable.Range(0, quotes.Count).GroupBy(i => quotes[i].Paragraph)
            .ToDictionary(g => g.Key, g => g.OrderBy(i => quotes[i].Start).ToList());
        var bareByParagraph = new Dictionary<int, List<int>>();
        // The quote a paragraph's opening quotation continued, which may close that paragraph in turn.
        var continuedInto = new Dictionary<int, int>();
        foreach (var b in bare)
        {
            var firstPiece = b.Content[0];
            if (claimedPieces.Contains(firstPiece)
                || bySentence.GetValueOrDefault(b.Sentence) is { } same && same.Any(i => quotes[i].Content.Any(p => p.Contains(firstPiece))))
                continue;
            // "A," he said. "B." — a bare quotation right after an attributed direct quote in the same paragraph continues it.
            if (ContinuationHost(quotes, byParagraph.GetValueOrDefault(b.Paragraph), bareByParagraph.GetValueOrDefault(b.Paragraph), firstPiece.Start) is int host)
            {
                quotes[host] = Continued(quotes[host], b);
                continue;
            }
            // "A," he said.¶"B." — a paragraph that is a bare quotation continues the quote closing the one before.
            if (IsWholeParagraph(b) && PreviousParagraphHost(quotes, b.Paragraph - 1, byParagraph, bareByParagraph, continuedInto) is int carried)
            {
                quotes[carried] = Continued(quotes[carried], b);
                continuedInto[b.Paragraph] = carried;
                continue;
            }
            quotes.Add(b);
            if (!bareByParagraph.TryGetValue(b.Paragraph, out var list)) bareByParagraph[b.Paragraph] = list = [];
            list.Add(quotes.Count - 1);
        }
    }

    /// <summary>
    /// The direct quote a bare quotation at <paramref name="at"/> continues: the latest direct quote of the paragraph
    /// that ends before it, when no other quote starts between the two. Looks back over a few quotes only: one
    /// further back would need every later quote to start inside it.
    /// </summary>
    private static int? ContinuationHost(List<QuoteCandidate> quotes, List<int>? frames, List<int>? bare, int at)
    {
        const int LookBack = 8;
        var seen = new List<QuoteCandidate>(LookBack);
        int fi = frames is null ? -1 : LastStartingBefore(quotes, frames, at), bi = bare is null ? -1 : LastStartingBefore(quotes, bare, at);
        while (seen.Count < LookBack && (fi >= 0 || bi >= 0))
        {
            // Walk both lists back in text order, the later start first.
            int index = bi < 0 || fi >= 0 && quotes[frames![fi]].Start >= quotes[bare![bi]].Start ? frames![fi--] : bare![bi--];
            var q = quotes[index];
            if (EndsInQuotation(q) && q.End <= at)
                return seen.Any(o => o.Start > q.End) ? null : index;
            seen.Add(q);
        }
        return null;
    }

    /// <summary>
    /// True when a bare quotation (not a dash trailer's) makes up its paragraphs, from the opening mark to the
    /// closing one: a paragraph that goes on after the quotation may hold its own attribution ("…," Okafor notes.).
    /// </summary>
    private bool IsWholeParagraph(QuoteCandidate b)
    {
        if (b.Pattern != FramePattern.None) return false;
        var outer = b.Quotations[0].Outer;
        var last = c.Article.Paragraphs[c.Article.Sentences[c.Article.SentenceAt(outer.End - 1)].Paragraph].Span;
        if (outer.Start != c.Article.Paragraphs[b.Paragraph].Span.Start) return false;
        for (int i = outer.End; i < last.End; i++)
            if (!char.IsWhiteSpace(c.Article.Text[i]) && !char.IsPunctuation(c.Article.Text[i])) return false;
        return true;
    }

    /// <summary>
    /// The quote that closes <paramref name="paragraph"/>: the one whose content ends last, in its last sentence,
    /// ending in quoted words, with no other quote of the paragraph starting after it. A paragraph that ends in
    /// narration has none, and neither does the title.
    /// </summary>
    private int? PreviousParagraphHost(List<QuoteCandidate> quotes, int paragraph, Dictionary<int, List<int>> frames,
        Dictionary<int, List<int>> bare, Dictionary<int, int> continuedInto)
    {
        if (paragraph < 0 || c.Article.Paragraphs[paragraph] is not { IsTitle: false } p) return null;
        var inParagraph = frames.GetValueOrDefault(paragraph, []).Concat(bare.GetValueOrDefault(paragraph, []));
        if (continuedInto.TryGetValue(paragraph, out var carried)) inParagraph = inParagraph.Append(carried);
        int? host = null;
        foreach (var i in inParagraph)
            if (host is not int h || quotes[i].End > quotes[h].End) host = i;
        if (host is not int last || !EndsInQuotation(quotes[last])) return null;
        var lastSentence = c.Article.Sentences[p.FirstSentence + p.SentenceCount - 1];
        if (quotes[last].End < lastSentence.Span.Start || quotes[last].End > p.Span.End) return null;
        return inParagraph.Any(i => quotes[i].Start > quotes[last].End && quotes[i].Start < p.Span.End) ? null : last;
    }

    /// <summary>
    /// True when a quote's content ends with the speaker's own quoted words: a direct quote, or a mixed one whose content
    /// closes with its last quotation (The summit achieved "too little," he said.), which a following quotation continues.
    /// </summary>
    private static bool EndsInQuotation(QuoteCandidate q)
        => q.Type == QuoteType.Direct
           || q.Type == QuoteType.Mixed && q.Quotations.Count > 0 && q.Content[^1].End == q.Quotations[^1].Outer.End;

    /// <summary>The position in <paramref name="sorted"/> (indices of quotes in order of start) of the last quote starting before <paramref name="at"/>, or -1.</summary>
    private static int LastStartingBefore(List<QuoteCandidate> quotes, List<int> sorted, int at)
    {
        int lo = 0, hi = sorted.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (quotes[sorted[mid]].Start < at) lo = mid + 1; else hi = mid;
        }
        return lo - 1;
    }

    /// <summary>The host quote with the continuing quotation's pieces after its own (its dash trailer, if any, is not kept).</summary>
    private static QuoteCandidate Continued(QuoteCandidate host, QuoteCandidate continuation) => new()
    {
        Type = host.Type, Content = [.. host.Content, .. continuation.Content], Quotations = [.. host.Quotations, .. continuation.Quotations],
        Cue = host.Cue, CueLemma = host.CueLemma, FrameSpeaker = host.FrameSpeaker, Pattern = host.Pattern,
        Sentence = host.Sentence, Paragraph = host.Paragraph,
    };

    /// <summary>
    /// Reported speech nested in another quote's content ("X said Y told Z that …") belongs to the outer quote; when
    /// each holds the other's cue ("A warned that …, the report says"), the later cue is the outer one.
    /// </summary>
    private void DropNested(List<QuoteCandidate> quotes)
    {
        // A cue lies outside quotation marks, so only content from its own sentence can hold it: comparing
        // quotes sentence by sentence (not paragraph by paragraph) keeps this linear in a long paragraph.
        var drop = new HashSet<QuoteCandidate>();
        foreach (var sentence in quotes.Where(q => q.Cue is not null).GroupBy(q => c.Article.SentenceAt(q.Cue!.Value.Start)))
        {
            var list = sentence.ToList();
            foreach (var inner in list)
                foreach (var outer in list)
                {
                    if (outer == inner || outer.Cue is not { } oc || inner.Cue is not { } ic) continue;
                    bool outerHoldsInner = outer.Content.Any(p => p.Contains(ic));
                    bool innerHoldsOuter = inner.Content.Any(p => p.Contains(oc));
                    if (outerHoldsInner && (!innerHoldsOuter || oc.Start > ic.Start)) drop.Add(inner);
                }
        }
        quotes.RemoveAll(drop.Contains);
    }
}
