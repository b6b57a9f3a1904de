using System.Text.Json;

namespace NewsStance.Cli.Internal.Summaries;

/// <summary>
/// Reads the output of <c>score --format jsonl</c> back for a summary: one article per line, with its
/// <c>quotes</c>. A line that is not such an object is reported with its line number, and the rest are read.
/// </summary>
internal static class ScoredJsonl
{
    /// <summary>True when <paramref name="line"/> is a scored article (it has <c>quotes</c> and no <c>text</c> to score).</summary>
    public static bool IsScored(string line)
    {
        try
        {
            using var doc = JsonDocument.Parse(line);
            return doc.RootElement.ValueKind == JsonValueKind.Object
                && doc.RootElement.TryGetProperty("quotes", out var q) && q.ValueKind == JsonValueKind.Array
                && !doc.RootElement.TryGetProperty("text", out _);
        }
        catch (JsonException) { return false; }
    }

    public static IEnumerable<(SummaryArticle? Article, string? Error)> Read(string source, IEnumerable<string> lines)
    {
        int n = 0;
        foreach (var raw in lines)
        {
            n++;
            var line = raw.Trim().TrimStart('\uFEFF');
            if (line.Length == 0) continue;
            SummaryArticle? article = null;
            string? error = null;
            try { article = Parse(line); }
            catch (Exception e) when (e is JsonException or InvalidOperationException or KeyNotFoundException)
            {
                error = $"{source}:{n}: not a scored article (expected a line of score --format jsonl): {e.Message.Split('.')[0]}";
            }
            yield return (article, error);
        }
    }

    private static SummaryArticle Parse(string line)
    {
        using var doc = JsonDocument.Parse(line);
        var a = doc.RootElement;
        string? Text(JsonElement obj, string name) => obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var v) ? ArticleMetadata.AsText(v) : null;
        var quotes = new List<SummaryQuote>();
        foreach (var q in a.GetProperty("quotes").EnumerateArray())
        {
            var speaker = q.TryGetProperty("speaker", out var s) ? s : default;
            var stance = q.TryGetProperty("stance", out var st) && st.ValueKind == JsonValueKind.Array
                ? st.EnumerateArray().Select(x => (Text(x, "target") ?? "", Text(x, "label") ?? "")).ToList()
                : [];
            quotes.Add(new SummaryQuote(Text(speaker, "name"), Text(speaker, "kind"), stance));
        }
        return new SummaryArticle(Text(a, "article_id") ?? "", Text(a, "date"), Text(a, "outlet") ?? ArticleMetadata.OutletOfDateline(Text(a, "dateline")), quotes);
    }
}
