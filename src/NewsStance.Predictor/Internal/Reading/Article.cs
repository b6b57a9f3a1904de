namespace NewsStance.Internal.Reading;

/// <summary>What a token is, as far as quote finding cares.</summary>
internal enum TokenKind { Word, Number, Punctuation, QuoteMark }

/// <summary>A word, number or punctuation mark with its place in the article text.</summary>
internal readonly record struct Token(int Start, int End, TokenKind Kind)
{
    public TextSpan Span => new(Start, End);
    public int Length => End - Start;
}

/// <summary>A sentence: its span, paragraph and the range of its tokens in <see cref="Article.Tokens"/>.</summary>
internal sealed record Sentence(int Index, TextSpan Span, int Paragraph, int FirstToken, int TokenCount);

/// <summary>A paragraph (or the title line) and the range of its sentences.</summary>
internal sealed record Paragraph(int Index, TextSpan Span, int FirstSentence, int SentenceCount, bool IsTitle);

/// <summary>An article read from text: header fields, paragraphs, sentences and tokens, all by offset.</summary>
internal sealed class Article
{
    public required string Id { get; init; }
    public required string Text { get; init; }
    public string? Date { get; init; }
    public string? Dateline { get; init; }
    public string? Title { get; init; }
    public required IReadOnlyList<Paragraph> Paragraphs { get; init; }
    public required IReadOnlyList<Sentence> Sentences { get; init; }
    public required Token[] Tokens { get; init; }

    public ReadOnlySpan<char> Slice(TextSpan span) => Text.AsSpan(span.Start, span.Length);
    public ReadOnlySpan<char> Slice(in Token token) => Text.AsSpan(token.Start, token.Length);
    public string TextOf(TextSpan span) => Text.Substring(span.Start, span.Length);
    public string TextOf(in Token token) => Text.Substring(token.Start, token.Length);

    /// <summary>Index of the sentence holding <paramref name="offset"/>, or the last one before it.</summary>
    public int SentenceAt(int offset)
    {
        int lo = 0, hi = Sentences.Count - 1, found = 0;
        while (lo <= hi)
        {
            int mid = (lo + hi) / 2;
            if (Sentences[mid].Span.Start <= offset) { found = mid; lo = mid + 1; }
            else hi = mid - 1;
        }
        return found;
    }

    /// <summary>Index of the first token that starts at or after <paramref name="offset"/>.</summary>
    public int TokenAtOrAfter(int offset)
    {
        int lo = 0, hi = Tokens.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (Tokens[mid].Start < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>
    /// True when sentence <paramref name="s"/> is written in headline case: every word capitalised but the short
    /// function words, and at least four capitalised ("Mayor Says Bridge Will Reopen."). Tokens <paramref name="skip"/>
    /// says yes to (the quote stage passes the words inside quotation marks) are not looked at.
    /// </summary>
    public bool IsHeadlineCase(Sentence s, Func<int, bool>? skip = null)
    {
        int capitalised = 0;
        for (int t = s.FirstToken; t < s.FirstToken + s.TokenCount; t++)
        {
            if (Tokens[t].Kind != TokenKind.Word || skip is not null && skip(t)) continue;
            if (char.IsUpper(Text[Tokens[t].Start])) capitalised++;
            else if (!Lexicon.TitleCaseMinorWords.Contains(TextOf(Tokens[t]))) return false;
        }
        return capitalised >= 4;
    }
}
