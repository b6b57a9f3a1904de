using System.CommandLine;

namespace NewsStance.Cli.Internal.Queue;

/// <summary>
/// <c>newsstance enqueue PATH...</c>: reads articles exactly as <c>score</c> does and publishes each to the
/// durable articles queue as a persistent message (message id = article id), waiting for the broker's
/// confirms. Ids already in the <c>--skip-done</c> result files are not published again, so a re-run after
/// a partial run adds only the missing work. Exit 0 when every input was published, 1 when some inputs
/// could not be read (the others are published), 2 for usage errors or an unreachable broker.
/// </summary>
internal sealed class EnqueueCommand
{
    private readonly Argument<string[]> _paths = new("paths")
    {
        Description = "Article files, folders (searched recursively for *.txt and *.jsonl), *.jsonl files, or - for stdin: read as score reads them.",
        Arity = ArgumentArity.OneOrMore,
    };
    private readonly Option<string[]> _skipDone = new("--skip-done")
    {
        Description = "A results file (JSON Lines from collect, worker --output or score --format jsonl) whose article ids are done: they are not published again. Repeatable.",
        AllowMultipleArgumentsPerToken = false,
    };
    private readonly BrokerOptions _broker = new();

    public Command Build(TextWriter stdout, TextWriter stderr, Func<Stream> stdin)
    {
        var command = new Command("enqueue", "Publish articles to the RabbitMQ articles queue for newsstance worker processes to score.")
        {
            _paths, _skipDone,
        };
        foreach (var o in _broker.All) command.Options.Add(o);
        command.Options.Add(_broker.MaxDeliveries);
        command.SetAction(parse => Run(parse, stdout, stderr, stdin));
        return command;
    }

    private int Run(ParseResult parse, TextWriter stdout, TextWriter stderr, Func<Stream> stdin)
    {
        var errors = new ErrorReporter(stderr);
        var paths = parse.GetValue(_paths)!;
        if (!ScoringOptions.RejectUnknownOptions(paths, errors, "enqueue")) return ScoreCommand.Usage;
        if (!_broker.TryCreateFactory(parse, errors, out var factory)) return ScoreCommand.Usage;
        if (!_broker.TryGetMaxDeliveries(parse, errors, out int maxDeliveries)) return ScoreCommand.Usage;
        var done = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in parse.GetValue(_skipDone) ?? [])
        {
            try
            {
                int bad = ResultIds.Read(file, done);
                if (bad > 0) errors.Warning($"{file}: {bad} line{(bad == 1 ? " is" : "s are")} not results and were left out of the done ids");
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                errors.Error($"{file}: cannot read the done ids: {e.Message}");
                return ScoreCommand.Usage;
            }
        }

        using var interruption = new Interruption();
        return PublishAsync(parse, factory, maxDeliveries, InputReader.Read(paths, stdin), done, errors, stdout, interruption).GetAwaiter().GetResult();
    }

    private async Task<int> PublishAsync(ParseResult parse, RabbitMQ.Client.ConnectionFactory factory, int maxDeliveries, IEnumerable<ArticleInput> inputs,
        HashSet<string> done, ErrorReporter errors, TextWriter stdout, Interruption interruption)
    {
        var names = _broker.Names(parse);
        await using var connection = await BrokerConnector.ConnectAsync(factory, _broker.Timeout(parse), errors, interruption.Token);
        if (connection is null) return interruption.Token.IsCancellationRequested ? interruption.ExitCode : ScoreCommand.Usage;
        int published = 0, skipped = 0, failed = 0;
        try
        {
            await using var publisher = await ConfirmedPublisher.OpenAsync(connection, interruption.Token);
            await using (var topology = await connection.CreateChannelAsync(cancellationToken: interruption.Token))
                await QueueTopology.DeclareAsync(topology, names, maxDeliveries, interruption.Token);
            // Publishes run side by side, a window at a time, each completing on its confirm.
            var pending = new List<Task>();
            foreach (var input in inputs)
            {
                if (input.Warning is not null) errors.Warning($"{input.Source}: {input.Warning}");
                if (input.Error is not null) { failed++; errors.Error($"{input.Source}: {input.Error}"); continue; }
                if (input.NoArticle) continue;
                if (done.Contains(input.Id)) { skipped++; continue; }
                pending.Add(publisher.PublishAsync(names.Articles, ArticleMessage.Body(input), ArticleMessage.Properties(input.Id), interruption.Token));
                published++;
                if (pending.Count >= ConfirmedPublisher.InFlight) { await Task.WhenAll(pending); pending.Clear(); }
            }
            await Task.WhenAll(pending);
        }
        catch (QueueMismatchException e)
        {
            errors.Error(e.Message);
            return ScoreCommand.Usage;
        }
        catch (OperationCanceledException) when (interruption.Token.IsCancellationRequested)
        {
            errors.Error($"interrupted: some of the {published} articles sent may not have reached the queue; run enqueue again (results are kept once per article id).");
            return interruption.ExitCode;
        }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.RabbitMQClientException or RabbitMQ.Client.Exceptions.OperationInterruptedException
            or RabbitMQ.Client.Exceptions.PublishException or IOException)
        {
            errors.Error($"publishing to {names.Articles} failed: {e.Message}; run enqueue again (results are kept once per article id).");
            return ScoreCommand.SomeFailed;
        }
        stdout.WriteLine($"enqueued {published} article{(published == 1 ? "" : "s")} to {names.Articles}{(skipped > 0 ? $"; {skipped} already done were skipped" : "")}{(failed > 0 ? $"; {failed} input{(failed == 1 ? "" : "s")} failed" : "")}.");
        return failed > 0 ? ScoreCommand.SomeFailed : ScoreCommand.Ok;
    }
}
