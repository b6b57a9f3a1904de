using Spectre.Console;

namespace NewsStance.Cli.Internal.Writers;

/// <summary>A table per article for people: type, speaker (mention → name), cue, stance and the quote.</summary>
internal sealed class TableResultWriter(IAnsiConsole console) : IResultWriter
{
    public void Write(ArticleResult r, ArticleInput input)
    {
        var meta = ArticleMetadata.Of(r, input);
        var outlet = meta.Text("outlet") is { } o && !(meta.Dateline?.Contains(o, StringComparison.OrdinalIgnoreCase) ?? false) ? o : null;
        var header = string.Join("  ", new[] { r.ArticleId, meta.Date, outlet, meta.Dateline }.Where(x => !string.IsNullOrEmpty(x)));
        var table = new Table().Border(TableBorder.Rounded).Expand()
            .Title($"[bold]{Markup.Escape(header)}[/] — {r.Quotes.Count} quote{(r.Quotes.Count == 1 ? "" : "s")}");
        table.AddColumn("#");
        table.AddColumn("Type");
        table.AddColumn("Speaker");
        table.AddColumn("Cue");
        table.AddColumn("Stance");
        table.AddColumn(new TableColumn("Quote"));
        for (int i = 0; i < r.Quotes.Count; i++)
        {
            var q = r.Quotes[i];
            var s = q.Speaker;
            string speaker = s is null ? "[grey]—[/]"
                : Markup.Escape(s.Mention == s.Name ? s.Name : $"{s.Mention} → {s.Name}")
                  + $"\n[grey]{s.Kind.ToString().ToLowerInvariant()}{(s.Role is null ? "" : ", " + Markup.Escape(s.Role))}, {s.Confidence:0.00}[/]";
            string stance = q.Stance.Count == 0 ? "[grey]—[/]"
                : string.Join("\n", q.Stance.Select(x => $"{Markup.Escape(x.Target)}: {Colour(x.Label)} {x.Confidence:0.00}"));
            table.AddRow(new Markup((i + 1).ToString()), new Markup(q.Type.ToString().ToLowerInvariant()), new Markup(speaker),
                new Markup(Markup.Escape(q.Cue?.Text ?? "—")), new Markup(stance), new Markup(Markup.Escape(Shorten(q.Text, 400))));
        }
        console.Write(table);
    }

    private static string Colour(string label) => label switch
    {
        "favor" => "[green]favor[/]",
        "against" => "[red]against[/]",
        _ => $"[yellow]{Markup.Escape(label)}[/]",
    };

    private static string Shorten(string s, int max) => s.Length <= max ? s : s[..(max - 1)] + "…";

    public void Dispose() { }
}
