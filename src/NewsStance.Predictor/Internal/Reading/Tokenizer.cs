namespace NewsStance.Internal.Reading;

/// <summary>
/// Splits text into words, numbers, punctuation and quotation marks. Abbreviations keep their
/// period (<c>Mr.</c>, <c>U.S.</c>), initials too (<c>J.</c>); apostrophes and hyphens stay inside words.
/// </summary>
internal static class Tokenizer
{
    // The list an article's tokens are gathered in, one per thread and kept from article to article: the tokens are
    // copied out once, at their count, instead of into a new list sized by a guess (about as large again) first.
    [ThreadStatic] private static List<Token>? t_gathered;

    // A list grown by a book-length text is let go rather than kept for the thread's life.
    private const int KeptCapacity = 1 << 16;

    public static Token[] Tokenize(string text, IEnumerable<TextSpan> regions)
    {
        var tokens = t_gathered ??= new List<Token>(1024);
        tokens.Clear();
        foreach (var region in regions) Tokenize(text, region, tokens);
        var result = tokens.ToArray();
        if (tokens.Capacity > KeptCapacity) t_gathered = null;
        return result;
    }

    private static void Tokenize(string text, TextSpan region, List<Token> tokens)
    {
        int i = region.Start, end = region.End;
        while (i < end)
        {
            char c = text[i];
            if (char.IsWhiteSpace(c)) { i++; continue; }
            // Two apostrophes or backticks stand for a double quotation mark in some house styles: ''…''.
            if ((c == '\'' && i + 1 < end && text[i + 1] == '\'') || (c == '`' && i + 1 < end && text[i + 1] == '`'))
            {
                tokens.Add(new Token(i, i + 2, TokenKind.QuoteMark));
                i += 2;
                continue;
            }
            if (Lexicon.IsQuoteMark(c) && !IsApostrophe(text, i, region))
            {
                tokens.Add(new Token(i, i + 1, TokenKind.QuoteMark));
                i++;
                continue;
            }
            if (char.IsLetterOrDigit(c) || (char.IsSurrogate(c) && i + 1 < end))
            {
                int start = i;
                bool digits = char.IsDigit(c);
                while (i < end)
                {
                    char ch = text[i];
                    if (char.IsLetterOrDigit(ch) || char.IsSurrogate(ch) || ch == '\u0301' || char.GetUnicodeCategory(ch) == System.Globalization.UnicodeCategory.NonSpacingMark) { i++; continue; }
                    // Inner apostrophes, hyphens, and digit separators stay inside the word.
                    if ((ch == '\'' || ch == '’' || ch == '-' || ch == '‑' || ((ch == ',' || ch == '.' || ch == ':') && digits))
                        && i + 1 < end && char.IsLetterOrDigit(text[i + 1]))
                    { i++; continue; }
                    break;
                }
                // Abbreviations and initials keep their period: U.S., Mr., J., a.m.; so does a word whose period is
                // followed at once by a letter and another period ("R-S.C.", "Ph.D."): a full stop is followed by a space.
                if (i < end && text[i] == '.' && (Lexicon.TakesPeriod(text.AsSpan(start, i - start), text, i)
                    || i + 2 < end && char.IsLetter(text[i + 1]) && text[i + 2] == '.'))
                {
                    i++;
                    while (i + 1 < end && char.IsLetter(text[i]) && text[i + 1] == '.') i += 2; // U.S.A.
                }
                tokens.Add(new Token(start, i, digits ? TokenKind.Number : TokenKind.Word));
                continue;
            }
            // Ellipsis and dash runs are one token.
            int s = i;
            if (c == '.' || c == '-') { while (i < end && text[i] == c) i++; }
            else i++;
            tokens.Add(new Token(s, i, TokenKind.Punctuation));
        }
    }

    /// <summary>An apostrophe inside or at the end of a word (don't, the workers') is not a quote mark.</summary>
    private static bool IsApostrophe(string text, int i, TextSpan region)
    {
        char c = text[i];
        if (c != '\'' && c != '’') return false;
        bool letterBefore = i > region.Start && char.IsLetterOrDigit(text[i - 1]);
        bool letterAfter = i + 1 < region.End && char.IsLetterOrDigit(text[i + 1]);
        if (letterBefore && letterAfter) return true;
        // workers' union; '90s
        if (letterBefore && !letterAfter && i > region.Start && (text[i - 1] == 's' || text[i - 1] == 'S')) return true;
        return c == '’' && letterBefore;
    }
}
