using System.Text.RegularExpressions;

namespace NewsStance.Internal.Reading;

/// <summary>
/// Reads an article in the seed's wire format (<c> date 2019-09-26 MOSCOW (Sputnik) - …</c>) or as
/// plain title + body, into paragraphs, sentences and tokens. Offsets index the text as given.
/// </summary>
internal static partial class ArticleReader
{
    [GeneratedRegex(@"\Gdate\s+(\d{4}-\d{2}-\d{2})\b[ \t]*", RegexOptions.CultureInvariant)]
    private static partial Regex DateHeader();

    // CITY [, Month Day | , State] [(Outlet)] - : the city in capitals, as wire copy writes it.
    [GeneratedRegex(@"\G((?:\p{Lu}[\p{Lu}'’.\-]*)(?:[ ]\p{Lu}[\p{Lu}'’.\-]*){0,4}(?:,[ ]*\p{Lu}[\p{L}.]{1,9}(?:[ ]+\d{1,2})?)?(?:[ ]*\([^()\n]{1,60}\))?)[ ]*(?:-{1,2}|–|—)[ \t]*", RegexOptions.CultureInvariant)]
    private static partial Regex Dateline();

    public static Article Read(string id, string text)
    {
        int pos = SkipSpaces(text, 0);
        string? date = null, dateline = null, title = null;
        var m = DateHeader().Match(text, pos);
        if (m.Success) { date = m.Groups[1].Value; pos = SkipSpaces(text, m.Index + m.Length); }
        var d = Dateline().Match(text, pos);
        // A dateline is a short capitalised place, never a whole capitalised headline.
        if (d.Success && d.Groups[1].Length <= 80 && (date is not null || LooksLikeDateline(d.Groups[1].Value)))
        {
            dateline = d.Groups[1].Value.Trim();
            pos = d.Index + d.Length;
        }

        var paragraphSpans = new List<(TextSpan Span, bool IsTitle)>();
        int lineStart = pos;
        bool first = date is null && dateline is null;
        while (lineStart <= text.Length)
        {
            int nl = text.IndexOf('\n', lineStart);
            int lineEnd = nl < 0 ? text.Length : nl;
            var span = Trim(text, lineStart, lineEnd);
            // "WASHINGTON (AP) — …" opening the paragraph after the headline is the dateline too: a place, not the
            // first words of the sentence (whose subject comes after it). The headline may end in a full stop.
            if (span.Length > 0 && dateline is null && date is null && paragraphSpans.Count == 1
                && Dateline().Match(text, span.Start) is { Success: true } bodyDateline && bodyDateline.Groups[1].Length <= 80
                && LooksLikeDateline(bodyDateline.Groups[1].Value) && bodyDateline.Index + bodyDateline.Length < span.End)
            {
                dateline = bodyDateline.Groups[1].Value.Trim();
                span = Trim(text, bodyDateline.Index + bodyDateline.Length, lineEnd);
            }
            if (span.Length > 0)
            {
                bool isTitle = first && IsTitleLine(text, span, lineEnd);
                if (isTitle) title = text.Substring(span.Start, span.Length);
                paragraphSpans.Add((span, isTitle));
                first = false;
            }
            if (nl < 0) break;
            lineStart = nl + 1;
        }

        var tokens = Tokenizer.Tokenize(text, paragraphSpans.Select(p => p.Span));
        var sentences = new List<Sentence>();
        var paragraphs = new List<Paragraph>(paragraphSpans.Count);
        int tokenIndex = 0;
        for (int p = 0; p < paragraphSpans.Count; p++)
        {
            var (span, isTitle) = paragraphSpans[p];
            int firstToken = tokenIndex;
            while (tokenIndex < tokens.Length && tokens[tokenIndex].Start < span.End) tokenIndex++;
            int firstSentence = sentences.Count;
            SentenceSplitter.Split(text, tokens, firstToken, tokenIndex, p, sentences);
            paragraphs.Add(new Paragraph(p, span, firstSentence, sentences.Count - firstSentence, isTitle));
        }

        return new Article
        {
            Id = id, Text = text, Date = date, Dateline = dateline, Title = title,
            Paragraphs = paragraphs, Sentences = sentences, Tokens = tokens,
        };
    }

    private static bool LooksLikeDateline(string s)
    {
        // Without a date header, require the outlet in brackets or a short all-capitals place.
        if (s.Contains('(')) return true;
        int letters = 0, upper = 0;
        foreach (var c in s) if (char.IsLetter(c)) { letters++; if (char.IsUpper(c)) upper++; }
        return letters >= 3 && letters <= 30 && upper == letters;
    }

    private static bool IsTitleLine(string text, TextSpan span, int lineEnd)
    {
        if (span.Length > 300) return false;
        // A title is one sentence: "Lars Berg opened the session. "We cannot wait," he said." is body text.
        var line = text.AsSpan(span.Start, span.Length);
        int stops = 0;
        for (int i = 0; i + 1 < line.Length; i++)
            if (line[i] is '.' or '!' or '?' && line[i + 1] == ' ' && i > 2 && !char.IsUpper(line[i - 1]) && line[i - 2] != ' ') stops++;
        if (stops > 0) return false;
        // A headline does not end with a full stop; a one-sentence lede does ("…," the minister said on Monday.).
        var end = line.TrimEnd().TrimEnd("\"”’'");
        if (end.EndsWith('.') && !end.EndsWith("...")) return false;
        // A title is followed by a blank line and does not end like a body sentence in mid-paragraph.
        int next = lineEnd + 1;
        while (next < text.Length && (text[next] == ' ' || text[next] == '\t' || text[next] == '\r')) next++;
        return next < text.Length && text[next] == '\n';
    }

    private static int SkipSpaces(string text, int i)
    {
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || text[i] == '\uFEFF')) i++;
        return i;
    }

    private static TextSpan Trim(string text, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        return new TextSpan(start, end);
    }
}
