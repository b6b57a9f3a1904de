using System.CommandLine;

namespace NewsStance.Cli.Internal.Queue;

/// <summary>
/// <c>newsstance collect</c>: drains the results queue into deduplicated JSON Lines (one line per article
/// id, as <c>score --format jsonl</c> writes them). With <c>-o FILE</c> the results already in FILE are
/// kept and new ones appended, written all or nothing like <c>score -o</c>; the messages are acknowledged
/// only after FILE is in place. Result files given as arguments (the <c>--output</c> files of workers on
/// many machines) are merged in the same way, and <c>--no-queue</c> only merges them. Exit 0 when done (also when the queue was empty), 2 for usage errors or
/// an unreachable broker, 1 when the broker failed mid-way (nothing was taken off the queue).
/// </summary>
internal sealed class CollectCommand
{
    private readonly Argument<string[]> _paths = new("paths")
    {
        Description = "Result files (JSON Lines: worker --output files, other collects, score --format jsonl) to merge in too, before the queue.",
        Arity = ArgumentArity.ZeroOrMore,
    };
    private readonly Option<bool> _noQueue = new("--no-queue") { Description = "Only merge the files given; do not drain the results queue." };
    private readonly Option<string?> _output = new("--output", "-o") { Description = "The JSON Lines file to collect into: results already in it are kept and not written twice. Default: stdout." };
    private readonly Option<long> _max = new("--max") { Description = "Take at most this many messages off the queue in this run (0: until the queue is empty). Default: 0." };
    private readonly BrokerOptions _broker = new();

    public Command Build(TextWriter stdout, TextWriter stderr, Func<Stream> stdoutStream)
    {
        var command = new Command("collect", "Drain the RabbitMQ results queue into JSON Lines, one line per article id.") { _paths, _output, _max, _noQueue };
        foreach (var o in _broker.All) command.Options.Add(o);
        command.SetAction(parse => Run(parse, stdout, stderr, stdoutStream));
        return command;
    }

    private int Run(ParseResult parse, TextWriter stdout, TextWriter stderr, Func<Stream> stdoutStream)
    {
        var errors = new ErrorReporter(stderr);
        var paths = parse.GetValue(_paths) ?? [];
        if (!ScoringOptions.RejectUnknownOptions(paths, errors, "collect")) return ScoreCommand.Usage;
        if (!_broker.TryCreateFactory(parse, errors, out var factory)) return ScoreCommand.Usage;
        var outputPath = parse.GetValue(_output);
        using var interruption = new Interruption();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        AtomicOutputFile? file = null;
        int kept = 0;
        try { file = outputPath is null ? null : AtomicOutputFile.Create(outputPath); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            errors.Error($"{outputPath}: cannot write output: {e.Message}");
            return ScoreCommand.Usage;
        }
        using (file)
        {
            var output = file?.Stream ?? stdoutStream();
            // The file being extended first, so its lines stay first; then the files to merge.
            foreach (var path in (file is not null && File.Exists(outputPath) ? [outputPath!] : Array.Empty<string>()).Concat(paths))
            {
                try { kept += CopyResults(path, output, seen); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    errors.Error($"{path}: cannot read results: {e.Message}");
                    return ScoreCommand.Usage;
                }
            }
            if (parse.GetValue(_noQueue))
            {
                output.Flush();
                file?.Commit();
                Report($"merged {kept} result{(kept == 1 ? "" : "s")}, one per article id.", outputPath, stdout, errors);
                return ScoreCommand.Ok;
            }
            return CollectAsync(parse, factory, file, output, seen, kept, errors, stdout, outputPath, interruption).GetAwaiter().GetResult();
        }
    }

    // With the results on stdout, the summary goes beside the errors.
    private static void Report(string summary, string? outputPath, TextWriter stdout, ErrorReporter errors)
    {
        if (outputPath is null) errors.Info(summary);
        else stdout.WriteLine(summary);
    }

    private async Task<int> CollectAsync(ParseResult parse, RabbitMQ.Client.ConnectionFactory factory, AtomicOutputFile? file, Stream output, HashSet<string> seen, int kept,
        ErrorReporter errors, TextWriter stdout, string? outputPath, Interruption interruption)
    {
        var names = _broker.Names(parse);
        var token = interruption.Token;
        await using var connection = await BrokerConnector.ConnectAsync(factory, _broker.Timeout(parse), errors, token);
        if (connection is null) return token.IsCancellationRequested ? interruption.ExitCode : ScoreCommand.Usage;
        try
        {
            await using var publisher = await ConfirmedPublisher.OpenAsync(connection, token);
            await using var channel = await connection.CreateChannelAsync(cancellationToken: token);
            await QueueTopology.DeclareResultsAsync(channel, names, token);
            var collector = new ResultCollector(channel, names, new DeadLetters(publisher, names.DeadLetters));
            ulong last = await collector.DrainAsync(output, seen, parse.GetValue(_max), token);
            token.ThrowIfCancellationRequested();
            output.Flush();
            file?.Commit();
            await collector.AcknowledgeAsync(last);
            if (collector.NotResults > 0) errors.Warning($"{collector.NotResults} message{(collector.NotResults == 1 ? " was" : "s were")} not results and went to {names.DeadLetters}");
            var into = outputPath is null ? "" : $"; {outputPath} holds {kept + collector.Written}";
            var summary = $"collected {collector.Written} result{(collector.Written == 1 ? "" : "s")} from {names.Results}, {collector.Duplicates} duplicate{(collector.Duplicates == 1 ? "" : "s")} dropped{into}.";
            Report(summary, outputPath, stdout, errors);
            return ScoreCommand.Ok;
        }
        catch (QueueMismatchException e)
        {
            errors.Error(e.Message);
            return ScoreCommand.Usage;
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            errors.Error($"interrupted; nothing was taken off {names.Results}{(outputPath is null ? "" : $" and {outputPath} was not changed")}.");
            return interruption.ExitCode;
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.RabbitMQClientException or RabbitMQ.Client.Exceptions.OperationInterruptedException or RabbitMQ.Client.Exceptions.PublishException)
        {
            errors.Error($"collecting from {names.Results} failed: {e.Message}; nothing was taken off the queue{(outputPath is null ? "" : $" and {outputPath} was not changed")}. Run collect again.");
            return ScoreCommand.SomeFailed;
        }
    }

    /// <summary>Copies the results already in <paramref name="path"/> to the new output, noting their ids.</summary>
    private static int CopyResults(string path, Stream output, HashSet<string> seen)
    {
        int kept = 0;
        using var stream = File.OpenRead(path);
        foreach (var (bytes, _) in ByteLines.Read(stream))
        {
            if (ResultIds.Of(bytes.AsSpan().TrimEnd("\r"u8)) is not { } id || !seen.Add(id)) continue;
            output.Write(bytes);
            output.WriteByte((byte)'\n');
            kept++;
        }
        return kept;
    }
}
