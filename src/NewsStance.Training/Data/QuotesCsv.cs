using System.Text.Json;

namespace NewsStance.Training.Data;

/// <summary>
/// Reads quotes.csv and checks every row against its article: spans inside the text and pointing at
/// exactly the stated text, known types and kinds, unique ids.
/// </summary>
internal static class QuotesCsv
{
    public static readonly string[] Required =
    [
        "article_id", "quote_id", "type", "content_spans", "cue", "cue_span", "speaker_mention", "speaker_span",
        "speaker_name", "speaker_kind", "speaker_role", "text",
    ];

    public static (List<GoldQuote> Rows, List<DataError> Errors) Read(string path, IReadOnlyDictionary<string, string> articles)
    {
        var (records, errors) = CsvTable.Read(path, Required);
        var rows = new List<GoldQuote>();
        var ids = new Dictionary<string, int>();
        foreach (var r in records)
        {
            int before = errors.Count;
            var aid = r.Get("article_id");
            if (!articles.TryGetValue(aid, out var text)) { errors.Add(r.Error("article_id", $"no article '{aid}' in articles/")); continue; }
            var qid = r.Get("quote_id");
            if (qid.Length == 0) errors.Add(r.Error("quote_id", "empty quote_id"));
            else if (ids.TryGetValue(qid, out var first)) errors.Add(r.Error("quote_id", $"duplicate quote_id '{qid}' (first on line {first})"));
            else ids[qid] = r.Line;
            QuoteType type = default;
            if (!Enum.TryParse(r.Get("type"), ignoreCase: true, out type) || !Enum.IsDefined(type) || int.TryParse(r.Get("type"), out _))
                errors.Add(r.Error("type", $"unknown type '{r.Get("type")}'; expected direct, indirect or mixed"));
            SpeakerKind kind = default;
            if (!Enum.TryParse(r.Get("speaker_kind"), ignoreCase: true, out kind) || int.TryParse(r.Get("speaker_kind"), out _))
                errors.Add(r.Error("speaker_kind", $"unknown speaker_kind '{r.Get("speaker_kind")}'"));
            var content = Spans(r, "content_spans", text, errors);
            if (content is { Count: 0 }) errors.Add(r.Error("content_spans", "a quote needs at least one content span"));
            var cueSpan = Span(r, "cue_span", text, r.Get("cue"), errors);
            var speakerSpan = Span(r, "speaker_span", text, r.Get("speaker_mention"), errors);
            if (content is { Count: > 0 })
            {
                var expected = string.Join(" ", content.Select(c => c.Of(text).Trim()));
                if (expected != r.Get("text"))
                    errors.Add(r.Error("content_spans", $"content spans point at '{Shorten(expected)}', not the quote's text '{Shorten(r.Get("text"))}'"));
            }
            if (errors.Count != before || content is null) continue;
            rows.Add(new GoldQuote(aid, qid, type, content, r.Get("cue"), cueSpan, r.Get("speaker_mention"), speakerSpan,
                r.Get("speaker_name"), kind, r.Get("speaker_role"), r.Get("text"), r.Line));
        }
        return (rows, errors);
    }

    private static string Shorten(string s) => s.Length <= 60 ? s : s[..57] + "...";

    private static List<TextSpan>? Spans(CsvRecord r, string column, string text, List<DataError> errors)
    {
        try
        {
            var spans = JsonSerializer.Deserialize<int[][]>(r.Get(column)) ?? [];
            var list = new List<TextSpan>();
            foreach (var s in spans)
            {
                if (s.Length != 2 || s[0] < 0 || s[1] <= s[0] || s[1] > text.Length)
                {
                    errors.Add(r.Error(column, $"span [{string.Join(", ", s)}] is outside the article (length {text.Length})"));
                    return null;
                }
                list.Add(new TextSpan(s[0], s[1]));
            }
            return list;
        }
        catch (JsonException)
        {
            errors.Add(r.Error(column, $"'{r.Get(column)}' is not a JSON list of [start, end] pairs"));
            return null;
        }
    }

    private static TextSpan? Span(CsvRecord r, string column, string text, string expected, List<DataError> errors)
    {
        var raw = r.Get(column);
        if (raw.Length == 0)
        {
            if (expected.Length > 0) errors.Add(r.Error(column, $"'{expected}' is given but its span is empty"));
            return null;
        }
        try
        {
            var s = JsonSerializer.Deserialize<int[]>(raw);
            if (s is not { Length: 2 } || s[0] < 0 || s[1] <= s[0] || s[1] > text.Length)
            {
                errors.Add(r.Error(column, $"span {raw} is outside the article (length {text.Length})"));
                return null;
            }
            var span = new TextSpan(s[0], s[1]);
            var actual = span.Of(text);
            if (actual != expected)
                errors.Add(r.Error(column, $"span {raw} points at '{actual}', not '{expected}'"));
            return span;
        }
        catch (JsonException)
        {
            errors.Add(r.Error(column, $"'{raw}' is not a JSON [start, end] pair"));
            return null;
        }
    }
}
