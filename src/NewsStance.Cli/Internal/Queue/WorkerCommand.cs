using System.CommandLine;
using RabbitMQ.Client;

namespace NewsStance.Cli.Internal.Queue;

/// <summary>
/// <c>newsstance worker</c>: scores the articles of the RabbitMQ articles queue with the chosen model and
/// puts each result on the results queue and/or appends it to a JSON Lines file, acknowledging an article
/// only once its result is safe. Runs until SIGTERM or Ctrl+C (then finishes the articles in hand and
/// exits 0), or until idle with <c>--exit-when-idle</c>; reconnects by itself when the broker restarts.
/// Exit 2 for usage errors, an unusable model, or a broker it cannot reach at start-up.
/// </summary>
internal sealed class WorkerCommand
{
    private readonly Option<int> _prefetch = new("--prefetch")
    {
        Description = "Articles this worker holds unacknowledged at once (RabbitMQ prefetch): scored --threads at a time, the rest waiting or being confirmed. Default: 8 per thread.",
    };
    private readonly Option<string?> _output = new("--output", "-o")
    {
        Description = "Also append each result to this JSON Lines file (flushed to disk before the article is acknowledged). Give each worker its own file.",
    };
    private readonly Option<bool> _noResultsQueue = new("--no-results-queue") { Description = "Do not publish results to the results queue (then --output is required)." };
    private readonly Option<double?> _exitWhenIdle = new("--exit-when-idle")
    {
        Description = "Exit after this many seconds without an article (for batch jobs that drain a queue). Default: run until stopped.",
    };
    private readonly ScoringOptions _scoring = new();
    private readonly BrokerOptions _broker = new();

    public Command Build(TextWriter stderr)
    {
        var command = new Command("worker", "Score articles from the RabbitMQ articles queue and publish their results, until stopped (SIGTERM finishes the articles in hand).")
        {
            _prefetch, _output, _noResultsQueue, _exitWhenIdle,
        };
        foreach (var o in _scoring.All) command.Options.Add(o);
        foreach (var o in _broker.All) command.Options.Add(o);
        command.Options.Add(_broker.MaxDeliveries);
        command.SetAction(parse => Run(parse, stderr));
        return command;
    }

    private int Run(ParseResult parse, TextWriter stderr)
    {
        var errors = new ErrorReporter(stderr);
        var outputPath = parse.GetValue(_output);
        bool toQueue = !parse.GetValue(_noResultsQueue);
        if (!toQueue && outputPath is null)
        {
            errors.Error("--no-results-queue needs --output FILE: the results must go somewhere.");
            return ScoreCommand.Usage;
        }
        int threads = Math.Max(1, parse.GetValue(_scoring.Threads));
        int prefetch = parse.GetValue(_prefetch) is > 0 and var p ? p : 8 * threads;
        if (prefetch > ushort.MaxValue)
        {
            errors.Error($"--prefetch {prefetch}: at most {ushort.MaxValue}.");
            return ScoreCommand.Usage;
        }
        var idle = parse.GetValue(_exitWhenIdle) is double s ? TimeSpan.FromSeconds(s) : (TimeSpan?)null;
        if (!_broker.TryCreateFactory(parse, errors, out var factory)) return ScoreCommand.Usage;
        if (!_broker.TryGetMaxDeliveries(parse, errors, out int maxDeliveries)) return ScoreCommand.Usage;
        if (!_scoring.TryCreate(parse, errors, out var scorer, out var targets)) return ScoreCommand.Usage;
        using (scorer)
        {
            FileResultSink? file = null;
            try { file = outputPath is null ? null : FileResultSink.Open(outputPath); }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Error($"{outputPath}: cannot write results: {e.Message}");
                return ScoreCommand.Usage;
            }
            using (file)
            using (var interruption = new Interruption())
                return RunAsync(parse, factory, maxDeliveries, scorer, targets, threads, (ushort)prefetch, idle, file, toQueue, errors, interruption.Token).GetAwaiter().GetResult();
        }
    }

    private async Task<int> RunAsync(ParseResult parse, ConnectionFactory factory, int maxDeliveries, NewsScorer scorer, List<StanceTarget> targets, int threads, ushort prefetch,
        TimeSpan? idle, FileResultSink? file, bool toQueue, ErrorReporter errors, CancellationToken stop)
    {
        var names = _broker.Names(parse);
        await using var connection = await BrokerConnector.ConnectAsync(factory, _broker.Timeout(parse), errors, stop);
        if (connection is null) return stop.IsCancellationRequested ? ScoreCommand.Ok : ScoreCommand.Usage;
        connection.ConnectionShutdownAsync += (_, e) =>
        {
            // A close this worker asked for (stopping) is no news.
            if (e.Initiator != ShutdownInitiator.Application) errors.Warning($"worker: lost the broker ({e.ReplyText}); reconnecting");
            return Task.CompletedTask;
        };
        connection.RecoverySucceededAsync += (_, _) => { errors.Info("worker: reconnected to the broker"); return Task.CompletedTask; };
        await using var publisher = await ConfirmedPublisher.OpenAsync(connection, stop);
        var sinks = new List<IResultSink>();
        if (toQueue) sinks.Add(new QueueResultSink(publisher, names.Results));
        if (file is not null) sinks.Add(file);
        var worker = new ArticleWorker(connection, names, maxDeliveries, scorer, targets, threads, prefetch, sinks, new DeadLetters(publisher, names.DeadLetters), errors);
        try { await worker.RunAsync(idle, stop); }
        catch (OperationCanceledException) when (stop.IsCancellationRequested) { }
        catch (QueueMismatchException e)
        {
            errors.Error(e.Message);
            return ScoreCommand.Usage;
        }
        errors.Info($"worker: stopped; {worker.Scored} article{(worker.Scored == 1 ? "" : "s")} scored, {worker.DeadLettered} dead-lettered");
        return ScoreCommand.Ok;
    }
}
