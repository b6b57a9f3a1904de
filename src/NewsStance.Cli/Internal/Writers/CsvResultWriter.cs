using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace NewsStance.Cli.Internal.Writers;

/// <summary>
/// One row per (quote, target); a quote with no stance entry gets one row with empty stance columns.
/// The article's metadata follows on every row (new columns go last, so positional readers of the first
/// sixteen keep working): date, dateline, title, outlet, url, and every other input field as one JSON
/// object in <c>metadata</c> — the header is written before the first article, so it cannot grow a column per field.
/// RFC 4180 quoting.
/// </summary>
internal sealed class CsvResultWriter : IResultWriter
{
    private static readonly string[] Header =
    [
        "article_id", "quote_index", "type", "content_spans", "text", "cue", "cue_span", "speaker_mention", "speaker_span",
        "speaker_name", "speaker_kind", "speaker_role", "speaker_confidence", "target", "stance", "stance_confidence",
        "date", "dateline", "title", "outlet", "url", "metadata",
    ];

    private readonly TextWriter _out;

    public CsvResultWriter(Stream output)
    {
        _out = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        _out.WriteLine(string.Join(',', Header));
    }

    public void Write(ArticleResult r, ArticleInput input)
    {
        var meta = ArticleMetadata.Of(r, input);
        string[] article = [meta.Date ?? "", meta.Dateline ?? "", meta.Title ?? "", meta.Outlet ?? "", meta.Url ?? "", OtherFields(meta)];
        for (int i = 0; i < r.Quotes.Count; i++)
        {
            var q = r.Quotes[i];
            var common = new[]
            {
                r.ArticleId, i.ToString(CultureInfo.InvariantCulture), q.Type.ToString().ToLowerInvariant(),
                "[" + string.Join(",", q.ContentSpans.Select(Span)) + "]", q.Text, q.Cue?.Text ?? "",
                q.Cue is null ? "" : Span(q.Cue.Span), q.Speaker?.Mention ?? "", q.Speaker is null ? "" : Span(q.Speaker.Span),
                q.Speaker?.Name ?? "", q.Speaker?.Kind.ToString().ToLowerInvariant() ?? "", q.Speaker?.Role ?? "",
                q.Speaker?.Confidence.ToString(CultureInfo.InvariantCulture) ?? "",
            };
            if (q.Stance.Count == 0) Row([.. common, "", "", "", .. article]);
            foreach (var s in q.Stance)
                Row([.. common, s.Target, s.Label, s.Confidence.ToString(CultureInfo.InvariantCulture), .. article]);
        }
    }

    /// <summary>The input fields without a column of their own, as a JSON object; empty when there are none.</summary>
    private static string OtherFields(ArticleMetadata meta)
    {
        var rest = meta.Extra.Where(p => p.Key is not ("outlet" or "url")).ToList();
        if (rest.Count == 0) return "";
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartObject();
            foreach (var (k, v) in rest) { w.WritePropertyName(k); v.WriteTo(w); }
            w.WriteEndObject();
        }
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static string Span(TextSpan s) => $"[{s.Start},{s.End}]";

    private void Row(string[] fields) => _out.WriteLine(string.Join(',', fields.Select(Escape)));

    internal static string Escape(string f)
        => f.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + f.Replace("\"", "\"\"") + "\"" : f;

    public void Dispose() => _out.Flush();
}
