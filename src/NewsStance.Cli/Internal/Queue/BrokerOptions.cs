using System.CommandLine;
using RabbitMQ.Client;

namespace NewsStance.Cli.Internal.Queue;

/// <summary>
/// The options <c>enqueue</c>, <c>worker</c> and <c>collect</c> share: where the broker is and which queues
/// to use. Each falls back to an environment variable, so a fleet of workers is configured in one place.
/// </summary>
internal sealed class BrokerOptions
{
    public const string UriVariable = "NEWSSTANCE_AMQP_URI";
    public const string QueueVariable = "NEWSSTANCE_QUEUE";
    public const string ResultsVariable = "NEWSSTANCE_RESULTS_QUEUE";
    public const string DeadLettersVariable = "NEWSSTANCE_DEAD_LETTER_QUEUE";
    public const string MaxDeliveriesVariable = "NEWSSTANCE_MAX_DELIVERIES";

    // Defaults are resolved when the command runs, not shown by --help: the URI may hold a password.
    public Option<string?> Broker { get; } = new("--broker")
    {
        Description = $"The RabbitMQ broker's AMQP URI (amqp://user:password@host:port/vhost). Default: ${UriVariable}, else amqp://guest:guest@localhost:5672/.",
    };
    public Option<string?> Queue { get; } = new("--queue")
    {
        Description = $"The durable queue of articles to score. Default: ${QueueVariable}, else newsstance.articles.",
    };
    public Option<string?> ResultsQueue { get; } = new("--results-queue")
    {
        Description = $"The durable queue of results (spec/OUTPUT.md §2 JSON, one article per message). Default: ${ResultsVariable}, else newsstance.results.",
    };
    public Option<string?> DeadLetterQueue { get; } = new("--dead-letter-queue")
    {
        Description = $"The durable queue for messages that are not articles, each with its reason in the x-newsstance-reason header. Default: ${DeadLettersVariable}, else newsstance.dead-letters.",
    };
    public Option<int?> ConnectTimeout { get; } = new("--connect-timeout")
    {
        Description = "Seconds to keep trying to reach the broker at start-up before giving up. Default: 60.",
    };

    /// <summary>Only for the commands that declare the articles queue (enqueue, worker): they must all agree on it.</summary>
    public Option<int?> MaxDeliveries { get; } = new("--max-deliveries")
    {
        Description = $"Times an article is delivered at most: one never acknowledged in that many deliveries (its worker crashed, stalled or lost the broker each time) goes to the dead-letter queue instead of coming back forever. Every enqueue and worker of a queue must give the same value. Default: ${MaxDeliveriesVariable}, else {QueueTopology.DefaultMaxDeliveries}.",
    };

    public IEnumerable<Option> All => [Broker, Queue, ResultsQueue, DeadLetterQueue, ConnectTimeout];

    public QueueNames Names(ParseResult parse) => new(
        parse.GetValue(Queue) ?? FromEnvironment(QueueVariable, "newsstance.articles"),
        parse.GetValue(ResultsQueue) ?? FromEnvironment(ResultsVariable, "newsstance.results"),
        parse.GetValue(DeadLetterQueue) ?? FromEnvironment(DeadLettersVariable, "newsstance.dead-letters"));

    /// <summary>The delivery limit, or false (reported) when it is not a whole number of at least 1.</summary>
    public bool TryGetMaxDeliveries(ParseResult parse, ErrorReporter errors, out int maxDeliveries)
    {
        if (parse.GetValue(MaxDeliveries) is int given) maxDeliveries = given;
        else if (Environment.GetEnvironmentVariable(MaxDeliveriesVariable) is not { Length: > 0 } text) maxDeliveries = QueueTopology.DefaultMaxDeliveries;
        else if (!int.TryParse(text, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out maxDeliveries))
        {
            errors.Error($"${MaxDeliveriesVariable}={text}: not a whole number.");
            return false;
        }
        if (maxDeliveries >= 1) return true;
        errors.Error($"--max-deliveries {maxDeliveries}: an article needs at least 1 delivery.");
        return false;
    }

    public TimeSpan Timeout(ParseResult parse) => TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(ConnectTimeout) ?? 60));

    /// <summary>The connection settings, or false (reported) when the URI is not an AMQP URI.</summary>
    public bool TryCreateFactory(ParseResult parse, ErrorReporter errors, out ConnectionFactory factory)
    {
        factory = new ConnectionFactory
        {
            // Reconnects, and re-declares queues and consumers, when the broker restarts or the network drops.
            AutomaticRecoveryEnabled = true,
            TopologyRecoveryEnabled = true,
            NetworkRecoveryInterval = TimeSpan.FromSeconds(2),
            RequestedHeartbeat = TimeSpan.FromSeconds(30),
            ClientProvidedName = $"newsstance {parse.CommandResult.Command.Name} on {Environment.MachineName} ({Environment.ProcessId})",
        };
        var uri = parse.GetValue(Broker) ?? FromEnvironment(UriVariable, "amqp://guest:guest@localhost:5672/");
        try
        {
            factory.Uri = new Uri(uri);
            return true;
        }
        catch (Exception e) when (e is UriFormatException or ArgumentException)
        {
            errors.Error($"--broker: not an AMQP URI ({e.Message}); give one like amqp://guest:guest@localhost:5672/.");
            return false;
        }
    }

    public static string Describe(ConnectionFactory factory) => $"amqp://{factory.HostName}:{factory.Port}{(factory.VirtualHost == "/" ? "/" : "/" + factory.VirtualHost)}";

    private static string FromEnvironment(string variable, string fallback)
        => Environment.GetEnvironmentVariable(variable) is { Length: > 0 } v ? v : fallback;
}
