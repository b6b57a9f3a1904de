using System.CommandLine;
using System.Text;
using NewsStance.Cli.Internal.Summaries;

namespace NewsStance.Cli.Internal;

/// <summary>
/// <c>newsstance summarize PATH...</c>: counts a batch's quotes by speaker, by speaker × target × stance,
/// by outlet and by period, as CSV or JSON. Reads scored JSON Lines (the output of <c>score --format jsonl</c>,
/// so a large batch is scored once and summed up many ways) or articles, which it scores first.
/// Exit codes as for <c>score</c>.
/// </summary>
internal sealed class SummarizeCommand
{
    private readonly Argument<string[]> _paths = new("paths")
    {
        Description = "Scored JSON Lines files (from score --format jsonl), article files, folders of articles, or - for stdin (either kind).",
        Arity = ArgumentArity.OneOrMore,
    };
    private readonly Option<string> _by = new("--by") { Description = "The period of the time tables: day, week (ISO, 2024-W05) or month. Default: month.", DefaultValueFactory = _ => "month" };
    private readonly Option<string?> _format = new("--format", "-f") { Description = "csv (one long table: table, period, outlet, speaker, speaker_kind, target, stance, articles, quotes) or json (totals and one list per table). Default: from the --output file's extension, else csv." };
    private readonly Option<string?> _output = new("--output", "-o") { Description = "Write to this file instead of stdout." };
    private readonly ScoringOptions _scoring = new();

    public Command Build(TextWriter stderr, Func<Stream> stdin, Func<Stream> stdoutStream)
    {
        _by.AcceptOnlyFromAmong(Period.Names);
        _format.AcceptOnlyFromAmong(SummaryWriter.Formats);
        var command = new Command("summarize", "Count quotes by speaker, speaker x target x stance, outlet and period, from scored JSON Lines or from articles.")
        {
            _paths, _by, _format, _output,
        };
        foreach (var o in _scoring.All) command.Options.Add(o);
        command.SetAction(parse => Run(parse, stderr, stdin, stdoutStream));
        return command;
    }

    private int Run(ParseResult parse, TextWriter stderr, Func<Stream> stdin, Func<Stream> stdoutStream)
    {
        var errors = new ErrorReporter(stderr);
        var paths = parse.GetValue(_paths)!;
        if (!ScoringOptions.RejectUnknownOptions(paths, errors, "summarize")) return ScoreCommand.Usage;
        var outputPath = parse.GetValue(_output);
        var format = parse.GetValue(_format) ?? (Path.GetExtension(outputPath)?.ToLowerInvariant() == ".json" ? "json" : "csv");
        var summary = new BatchSummary(parse.GetValue(_by)!);
        NewsScorer? scorer = null;
        List<StanceTarget> targets = [];
        int failed = 0, count = 0;

        foreach (var path in paths)
        {
            byte[]? stdinBytes = null;
            var scoredLines = ScoredLines(path, stdin, ref stdinBytes);
            if (scoredLines is not null)
            {
                foreach (var (article, error) in ScoredJsonl.Read(path == "-" ? "stdin" : path, scoredLines))
                {
                    count++;
                    if (error is not null) { failed++; errors.Error(error); }
                    else summary.Add(article!);
                }
                continue;
            }
            // Articles: scored here, with the bundle loaded once, when the first one comes.
            if (scorer is null && !_scoring.TryCreate(parse, errors, out scorer, out targets)) return ScoreCommand.Usage;
            var bytes = stdinBytes;
            var inputs = InputReader.Read([path], () => bytes is null ? stdin() : new MemoryStream(bytes));
            foreach (var (input, result, error) in ScoringOptions.Score(scorer, inputs, targets, parse.GetValue(_scoring.Threads)))
            {
                count++;
                if (input.Warning is not null) errors.Warning($"{input.Source}: {input.Warning}");
                if (error is not null) { failed++; errors.Error($"{input.Source}: {error}"); continue; }
                if (result is not null) summary.Add(SummaryArticle.Of(result, input));
            }
        }

        try
        {
            using var output = outputPath is null ? null : File.Create(outputPath);
            SummaryWriter.Write(summary, format, output ?? stdoutStream());
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Error($"{outputPath}: cannot write output: {e.Message}");
            return ScoreCommand.Usage;
        }
        if (failed > 0) errors.Error($"{failed} of {count} input{(count == 1 ? "" : "s")} failed; the others were counted.");
        return failed > 0 ? ScoreCommand.SomeFailed : ScoreCommand.Ok;
    }

    /// <summary>
    /// The lines of <paramref name="path"/> when it holds scored JSON Lines (its first line has quotes and no
    /// text), read lazily for a file; null for articles. Stdin is read whole once to look, and kept for either use.
    /// </summary>
    private static IEnumerable<string>? ScoredLines(string path, Func<Stream> stdin, ref byte[]? stdinBytes)
    {
        if (path == "-")
        {
            using var buffer = new MemoryStream();
            stdin().CopyTo(buffer);
            stdinBytes = buffer.ToArray();
            var text = new UTF8Encoding(false).GetString(stdinBytes);
            var lines = text.Split('\n');
            return ScoredJsonl.IsScored(lines.FirstOrDefault(l => l.Trim().Length > 0)?.Trim().TrimStart('\uFEFF') ?? "") ? lines : null;
        }
        if (!path.EndsWith(".jsonl", StringComparison.OrdinalIgnoreCase) || !File.Exists(path)) return null;
        string? first;
        try { first = File.ReadLines(path).FirstOrDefault(l => l.Trim().Length > 0); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { return null; }
        return first is not null && ScoredJsonl.IsScored(first.Trim().TrimStart('\uFEFF')) ? File.ReadLines(path) : null;
    }
}
