namespace NewsStance.Internal.Reading;

/// <summary>
/// Splits a paragraph's tokens into sentences at ., ! and ? (with closing quotes or brackets after
/// them) when the next token starts a sentence. Abbreviations and initials do not end a sentence,
/// nor does a period inside an open quotation: a quote and its attribution stay one sentence.
/// A run longer than <see cref="MaxTokens"/> is cut (see there).
/// </summary>
internal static class SentenceSplitter
{
    /// <summary>
    /// The most tokens a sentence may hold. The longest news paragraphs measured (PolNeAR, the
    /// project's corpus) are under 200 tokens, so only text that is not prose (a list run together,
    /// a page without punctuation) reaches it; cutting it there keeps every rule that looks across a
    /// sentence (frames, pronouns, candidate speakers) bounded, so scoring time stays linear in length.
    /// </summary>
    public const int MaxTokens = 300;

    public static void Split(string text, Token[] tokens, int first, int end, int paragraph, List<Sentence> into)
    {
        int start = first;
        bool inQuote = false;
        for (int i = first; i < end; i++)
        {
            if (i - start >= MaxTokens)
            {
                int cut = CutPoint(text, tokens, start, i);
                Add(tokens, start, cut, paragraph, into);
                start = cut;
            }
            var t = tokens[i];
            if (t.Kind == TokenKind.QuoteMark && Lexicon.IsDoubleQuoteToken(text, t.Start, t.Length))
            {
                char q = Lexicon.Normalize(text, t.Start, t.Length);
                bool wasIn = inQuote;
                inQuote = q is '“' or '«' or '„' ? true : q is '”' or '»' ? false : !inQuote;
                // "…win." He added — a closing mark after a full stop ends the sentence.
                if (wasIn && !inQuote && i > first && i + 1 < end && tokens[i - 1].Kind == TokenKind.Punctuation
                    && IsTerminal(text, tokens[i - 1]) && char.IsUpper(text[tokens[i + 1].Start]))
                {
                    Add(tokens, start, i + 1, paragraph, into);
                    start = i + 1;
                }
                continue;
            }
            if (inQuote) continue;
            bool terminal = t.Kind == TokenKind.Punctuation && IsTerminal(text, t);
            if (!terminal && t.Kind == TokenKind.Word && text[t.End - 1] == '.' && i + 1 < end)
                terminal = Lexicon.AbbreviationCanEndSentence(text.AsSpan(t.Start, t.Length)) && StartsSentenceStrongly(text, tokens[i + 1]);
            if (!terminal) continue;
            int j = i + 1;
            // Closing quotes and brackets belong to the sentence they close.
            while (j < end && (tokens[j].Kind == TokenKind.QuoteMark && !IsOpening(text, tokens, j, end) || text[tokens[j].Start] is ')' or ']')) j++;
            if (j >= end) break;
            if (!StartsSentence(text, tokens[j])) continue;
            // "…," he said  — a comma after the closing quote keeps the sentence going.
            Add(tokens, start, j, paragraph, into);
            start = j;
            i = j - 1;
        }
        if (start < end) Add(tokens, start, end, paragraph, into);
    }

    /// <summary>Where to cut an over-long run ending before <paramref name="limit"/>: after its last clause punctuation in the second half, else at the limit.</summary>
    private static int CutPoint(string text, Token[] tokens, int start, int limit)
    {
        for (int k = limit - 1; k > start + (limit - start) / 2; k--)
            if (tokens[k].Kind == TokenKind.Punctuation && text[tokens[k].Start] is ',' or ';' or ':' or '—' or '–') return k + 1;
        return limit;
    }

    private static bool IsOpening(string text, Token[] tokens, int j, int end)
    {
        char c = text[tokens[j].Start];
        if (c is '“' or '«' or '„' or '‘') return true;
        if (c is '”' or '»' or '’') return false;
        // A straight quote is opening when a word follows it directly.
        return j + 1 < end && tokens[j + 1].Start == tokens[j].End && tokens[j + 1].Kind != TokenKind.Punctuation;
    }

    private static bool IsTerminal(string text, Token t)
    {
        char c = text[t.Start];
        return c is '!' or '?' or '…' || (c == '.' && t.Length == 1) || (c == '.' && t.Length >= 3);
    }

    private static bool StartsSentence(string text, Token t)
    {
        char c = text[t.Start];
        return char.IsUpper(c) || char.IsDigit(c) || t.Kind == TokenKind.QuoteMark || c is '(' or '[' or '—' or '-';
    }

    private static bool StartsSentenceStrongly(string text, Token t)
    {
        var w = text.AsSpan(t.Start, t.Length);
        return Lexicon.IsSentenceStarter(w) || t.Kind == TokenKind.QuoteMark;
    }

    private static void Add(Token[] tokens, int from, int to, int paragraph, List<Sentence> into)
    {
        if (to <= from) return;
        into.Add(new Sentence(into.Count, new TextSpan(tokens[from].Start, tokens[to - 1].End), paragraph, from, to - from));
    }
}
