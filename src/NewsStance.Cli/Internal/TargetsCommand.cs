using System.CommandLine;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using Spectre.Console;

namespace NewsStance.Cli.Internal;

/// <summary>
/// <c>newsstance targets PATH...</c>: the people and organisations a batch names, with how many articles
/// name them, how often, and in how many quotes, to pick stance targets from. Places are left out. Needs
/// no model. <c>--format targets</c> writes a file <c>score --targets</c> reads.
/// </summary>
internal sealed class TargetsCommand
{
    private readonly Argument<string[]> _paths = new("paths")
    {
        Description = "Article files, folders (searched recursively for *.txt and *.jsonl), *.jsonl files, or - for stdin.",
        Arity = ArgumentArity.OneOrMore,
    };
    private readonly Option<string?> _format = new("--format", "-f") { Description = "table (for people), csv, json, or targets (one \"Name|alias|alias\" line per target, for score --targets). Default: from the --output file's extension (.csv, .json), else table." };
    private readonly Option<string?> _output = new("--output", "-o") { Description = "Write to this file instead of stdout." };
    private readonly Option<int> _minArticles = new("--min-articles") { Description = "Leave out names found in fewer articles than this. Default: 1.", DefaultValueFactory = _ => 1 };
    private readonly Option<int?> _top = new("--top") { Description = "Keep only the first N, most widely named first. Default: all." };

    /// <summary>One name summed over the batch.</summary>
    private sealed class Tally(string name, string kind)
    {
        public string Name { get; } = name;
        public string Kind { get; } = kind;
        public int Articles { get; set; }
        public int Mentions { get; set; }
        public int InQuotes { get; set; }
        public SortedSet<string> Aliases { get; } = new(StringComparer.OrdinalIgnoreCase);
    }

    public Command Build(TextWriter stdout, TextWriter stderr, Func<Stream> stdin, Func<Stream> stdoutStream)
    {
        _format.AcceptOnlyFromAmong("table", "csv", "json", "targets");
        var command = new Command("targets", "List the people and organisations a batch names, with counts, to pick stance targets from.")
        {
            _paths, _format, _output, _minArticles, _top,
        };
        command.SetAction(parse => Run(parse, stdout, stderr, stdin, stdoutStream));
        return command;
    }

    private int Run(ParseResult parse, TextWriter stdout, TextWriter stderr, Func<Stream> stdin, Func<Stream> stdoutStream)
    {
        var errors = new ErrorReporter(stderr);
        var paths = parse.GetValue(_paths)!;
        if (!ScoringOptions.RejectUnknownOptions(paths, errors, "targets")) return ScoreCommand.Usage;
        var outputPath = parse.GetValue(_output);
        var format = parse.GetValue(_format) ?? Path.GetExtension(outputPath)?.ToLowerInvariant() switch { ".csv" => "csv", ".json" => "json", _ => "table" };
        var tallies = new Dictionary<string, Tally>(StringComparer.OrdinalIgnoreCase);
        int failed = 0, count = 0;
        foreach (var input in InputReader.Read(paths, stdin))
        {
            count++;
            if (input.Warning is not null) errors.Warning($"{input.Source}: {input.Warning}");
            if (input.Error is not null) { failed++; errors.Error($"{input.Source}: {input.Error}"); continue; }
            if (input.NoArticle) continue;
            foreach (var e in NewsScorer.FindNamedEntities(input.Text))
            {
                if (!tallies.TryGetValue(e.Name, out var t)) tallies[e.Name] = t = new Tally(e.Name, e.Kind.ToString().ToLowerInvariant());
                t.Articles++;
                t.Mentions += e.Mentions;
                t.InQuotes += e.InQuotes;
                foreach (var a in e.Aliases) t.Aliases.Add(a);
            }
        }
        var list = tallies.Values.Where(t => t.Articles >= parse.GetValue(_minArticles))
            .OrderByDescending(t => t.Articles).ThenByDescending(t => t.InQuotes).ThenByDescending(t => t.Mentions).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Take(parse.GetValue(_top) ?? int.MaxValue).ToList();
        foreach (var t in list) t.Aliases.Remove(t.Name);

        try
        {
            using var file = outputPath is null ? null : File.Create(outputPath);
            var stream = file ?? stdoutStream();
            using var text = new StreamWriter(stream, new UTF8Encoding(false), leaveOpen: true) { NewLine = "\n" };
            switch (format)
            {
                case "csv": WriteCsv(list, text); break;
                case "json": WriteJson(list, text); break;
                case "targets": WriteTargets(list, text, count); break;
                default: WriteTable(list, file is null ? stdout : text); break;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Error($"{outputPath}: cannot write output: {e.Message}");
            return ScoreCommand.Usage;
        }
        if (failed > 0) errors.Error($"{failed} of {count} input{(count == 1 ? "" : "s")} failed; the others were read.");
        return failed > 0 ? ScoreCommand.SomeFailed : ScoreCommand.Ok;
    }

    private static void WriteCsv(List<Tally> list, TextWriter text)
    {
        using var csv = new CsvWriter(text, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" }, leaveOpen: true);
        foreach (var h in new[] { "target", "kind", "articles", "mentions", "in_quotes", "aliases" }) csv.WriteField(h);
        csv.NextRecord();
        foreach (var t in list)
        {
            csv.WriteField(t.Name); csv.WriteField(t.Kind); csv.WriteField(t.Articles); csv.WriteField(t.Mentions); csv.WriteField(t.InQuotes);
            csv.WriteField(string.Join('|', t.Aliases));
            csv.NextRecord();
        }
    }

    private static void WriteJson(List<Tally> list, TextWriter text)
        => text.WriteLine(JsonSerializer.Serialize(list.Select(t => new Dictionary<string, object>
        {
            ["target"] = t.Name, ["kind"] = t.Kind, ["articles"] = t.Articles, ["mentions"] = t.Mentions, ["in_quotes"] = t.InQuotes, ["aliases"] = t.Aliases.ToArray(),
        }), new JsonSerializerOptions { WriteIndented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }));

    /// <summary>A file for <c>score --targets</c>: the counts go in comments, so the user can delete lines and keep the rest.</summary>
    private static void WriteTargets(List<Tally> list, TextWriter text, int articles)
    {
        text.WriteLine($"# newsstance targets: the people and organisations named in {articles} input{(articles == 1 ? "" : "s")}; delete the lines you do not want.");
        foreach (var t in list)
        {
            text.WriteLine($"# {t.Kind}, {t.Articles} article{(t.Articles == 1 ? "" : "s")}, {t.InQuotes} in quotes");
            // A '|' inside a name would split it: such a name cannot be written as one target.
            text.WriteLine(string.Join('|', t.Aliases.Prepend(t.Name).Where(n => !n.Contains('|'))));
        }
    }

    private static void WriteTable(List<Tally> list, TextWriter writer)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(writer), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors });
        console.Profile.Width = 140;
        var table = new Table().Border(TableBorder.Rounded).AddColumn("Target").AddColumn("Kind").AddColumn(new TableColumn("Articles").RightAligned())
            .AddColumn(new TableColumn("Mentions").RightAligned()).AddColumn(new TableColumn("In quotes").RightAligned()).AddColumn("Also named");
        foreach (var t in list)
            table.AddRow(Markup.Escape(t.Name), t.Kind, t.Articles.ToString(CultureInfo.InvariantCulture), t.Mentions.ToString(CultureInfo.InvariantCulture),
                t.InQuotes.ToString(CultureInfo.InvariantCulture), Markup.Escape(string.Join(", ", t.Aliases)));
        console.Write(table);
    }
}
