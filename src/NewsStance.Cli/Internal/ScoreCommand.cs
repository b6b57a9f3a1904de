using System.CommandLine;
using NewsStance.Cli.Internal.Writers;
using Spectre.Console;

namespace NewsStance.Cli.Internal;

/// <summary>
/// <c>newsstance score PATH...</c>: reads every input, scores articles in parallel (output keeps input
/// order), writes them in the chosen format, and reports each failed input with its reason.
/// Exit 0 when all went well, 1 when some inputs failed, 2 for usage errors, 130 after Ctrl+C (143
/// after SIGTERM). With <c>--output FILE</c>, FILE appears only when the run completes.
/// </summary>
internal sealed class ScoreCommand
{
    public const int Ok = 0, SomeFailed = 1, Usage = 2;

    private readonly Argument<string[]> _paths = new("paths")
    {
        Description = "Article files, folders (searched recursively for *.txt and *.jsonl), *.jsonl files, or - for stdin.",
        Arity = ArgumentArity.OneOrMore,
    };
    private readonly Option<string?> _format = new("--format", "-f")
    {
        Description = "Output format: table (for people), html (a report to read: highlighted quotes, speakers, stance, who was quoted), jsonl (one JSON object per article), csv (one row per quote and target). Default: from the --output file's extension (.jsonl/.json, .csv, .html/.htm), else table.",
    };
    private readonly Option<string?> _output = new("--output", "-o") { Description = "Write to this file instead of stdout. Without --format, its extension picks the format." };
    private readonly ScoringOptions _scoring = new();

    public Command Build(TextWriter stdout, TextWriter stderr, Func<Stream> stdin, Func<Stream> stdoutStream)
    {
        _format.AcceptOnlyFromAmong("table", "html", "jsonl", "csv");
        var command = new Command("score", "Find quotes, their speakers and stance in news articles.")
        {
            _paths, _format, _output,
        };
        foreach (var o in _scoring.All) command.Options.Add(o);
        command.SetAction(parse => Run(parse, stdout, stderr, stdin, stdoutStream));
        return command;
    }

    private int Run(ParseResult parse, TextWriter stdout, TextWriter stderr, Func<Stream> stdin, Func<Stream> stdoutStream)
    {
        var errors = new ErrorReporter(stderr);
        if (!ScoringOptions.RejectUnknownOptions(parse.GetValue(_paths), errors, "score")) return Usage;
        if (!_scoring.TryCreate(parse, errors, out var scorer, out var targets)) return Usage;

        var outputPath = parse.GetValue(_output);
        var format = parse.GetValue(_format) ?? OutputFormat.FromPath(outputPath) ?? "table";
        // Signals are caught before the output exists, so no interruption can leave it half written.
        using var interruption = new Interruption();
        AtomicOutputFile? file;
        try { file = outputPath is null ? null : AtomicOutputFile.Create(outputPath); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Error($"{outputPath}: cannot write output: {e.Message}");
            return Usage;
        }
        var outStream = file?.Stream ?? stdoutStream();
        int threads = parse.GetValue(_scoring.Threads);
        var paths = parse.GetValue(_paths)!;
        // Streamed: articles are read as the scorer asks for them and written in input order as they are done.
        var inputs = InputReader.Read(paths, stdin);
        int failed = 0, count = 0;
        using (file)
        {
            try
            {
                using (var writer = CreateWriter(format, outStream, outputPath is null ? stdout : null, scorer.Model))
                {
                    void Emit(ArticleInput input, ArticleResult? result, string? error)
                    {
                        count++;
                        if (input.Warning is not null) errors.Warning($"{input.Source}: {input.Warning}");
                        if (error is not null) { failed++; errors.Error($"{input.Source}: {error}"); return; }
                        if (result is not null) writer.Write(result, input);
                    }

                    var scored = ScoringOptions.Score(scorer, inputs, targets, threads, interruption.Token);
                    // A progress bar only for people watching, and only when the total is known (stdin can be read once).
                    int? total = Console.IsErrorRedirected ? null : InputReader.Count(paths);
                    if (total >= 20) EmitWithProgress(scored, total.Value, Emit);
                    else
                    {
                        foreach (var (input, result, error) in scored) Emit(input, result, error);
                    }
                }
                // A signal that came while the last articles or the report's end were written still means stop:
                // the user asked for no output.
                interruption.Token.ThrowIfCancellationRequested();
                file?.Commit();
            }
            catch (OperationCanceledException) when (interruption.Token.IsCancellationRequested)
            {
                // Disposing the file removes the unfinished output; an earlier FILE is left as it was.
                errors.Error($"interrupted after {count} input{(count == 1 ? "" : "s")}{(outputPath is null ? "" : $"; {outputPath} was not written")}.");
                return interruption.ExitCode;
            }
            catch (Exception e) when (file is not null && e is IOException or UnauthorizedAccessException)
            {
                errors.Error($"{outputPath}: cannot write output: {e.Message}");
                return Usage;
            }
        }
        if (failed > 0) errors.Error($"{failed} of {count} input{(count == 1 ? "" : "s")} failed; the others were scored.");
        return failed > 0 ? SomeFailed : Ok;
    }

    /// <summary>
    /// Emits the results under a progress bar on stderr. A method of its own so that runs without one (stderr
    /// redirected, as in pipelines and benchmarks) never load Spectre.Console's progress types.
    /// </summary>
    private static void EmitWithProgress(IEnumerable<(ArticleInput Input, ArticleResult? Result, string? Error)> scored, int total,
        Action<ArticleInput, ArticleResult?, string?> emit)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress().AutoClear(true).Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn())
            .Start(ctx =>
            {
                var task = ctx.AddTask("scoring", maxValue: total);
                foreach (var (input, result, error) in scored) { emit(input, result, error); task.Increment(1); }
            });
    }

    private static IResultWriter CreateWriter(string format, Stream output, TextWriter? console, ModelInfo? model) => format switch
    {
        "jsonl" => new JsonlResultWriter(output),
        "csv" => new CsvResultWriter(output),
        "html" => new HtmlResultWriter(output, model),
        _ => new TableResultWriter(TableConsole(output, console)),
    };

    private static IAnsiConsole TableConsole(Stream output, TextWriter? console)
    {
        bool terminal = console is not null && !Console.IsOutputRedirected;
        var ansi = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(console ?? new StreamWriter(output) { AutoFlush = true }),
            Ansi = terminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = terminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
        });
        // Files and pipes have no width: give tables room instead of the 80-column default.
        if (!terminal) ansi.Profile.Width = 140;
        return ansi;
    }
}
