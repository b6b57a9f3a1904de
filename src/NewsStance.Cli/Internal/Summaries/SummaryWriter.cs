using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;

namespace NewsStance.Cli.Internal.Summaries;

/// <summary>
/// Writes a <see cref="BatchSummary"/>: CSV in long form (one header, a <c>table</c> column, ready for a
/// spreadsheet filter or a pandas groupby), or one JSON object with the totals and a list per table.
/// </summary>
internal static class SummaryWriter
{
    public static readonly string[] Formats = ["csv", "json"];

    private sealed class RowMap : ClassMap<SummaryRow>
    {
        public RowMap()
        {
            Map(r => r.Table).Name("table");
            Map(r => r.Period).Name("period");
            Map(r => r.Outlet).Name("outlet");
            Map(r => r.Speaker).Name("speaker");
            Map(r => r.SpeakerKind).Name("speaker_kind");
            Map(r => r.Target).Name("target");
            Map(r => r.Stance).Name("stance");
            Map(r => r.Articles).Name("articles");
            Map(r => r.Quotes).Name("quotes");
        }
    }

    public static void Write(BatchSummary summary, string format, Stream output)
    {
        using var text = new StreamWriter(output, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
        if (format == "json") WriteJson(summary, text);
        else WriteCsv(summary, text);
    }

    private static void WriteCsv(BatchSummary summary, TextWriter text)
    {
        using var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
        csv.Context.RegisterClassMap<RowMap>();
        csv.WriteRecords(summary.Rows());
    }

    private static void WriteJson(BatchSummary summary, TextWriter text)
    {
        var rows = summary.Rows().ToList();
        var doc = new Dictionary<string, object?>
        {
            ["articles"] = summary.ArticleCount,
            ["quotes"] = summary.QuoteCount,
            ["unattributed"] = summary.Unattributed,
            ["by"] = summary.By,
        };
        foreach (var table in BatchSummary.Tables)
            doc[table] = rows.Where(r => r.Table == table).Select(Fields).ToList();
        text.WriteLine(JsonSerializer.Serialize(doc, new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));
    }

    /// <summary>The row's own columns: those of its table, by name, in the CSV's order.</summary>
    private static Dictionary<string, object?> Fields(SummaryRow r)
    {
        var f = new Dictionary<string, object?>();
        bool speaker = r.Table.StartsWith("speaker", StringComparison.Ordinal), period = r.Table.StartsWith("period", StringComparison.Ordinal);
        if (period) f["period"] = r.Period;
        if (r.Table == "outlet") f["outlet"] = r.Outlet;
        if (speaker) { f["speaker"] = r.Speaker; f["speaker_kind"] = r.SpeakerKind; }
        if (r.Table.EndsWith("target_stance", StringComparison.Ordinal)) { f["target"] = r.Target; f["stance"] = r.Stance; }
        if (r.Articles is { } a) f["articles"] = a;
        f["quotes"] = r.Quotes;
        return f;
    }
}
