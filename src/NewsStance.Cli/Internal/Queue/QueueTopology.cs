using RabbitMQ.Client;
using RabbitMQ.Client.Exceptions;

namespace NewsStance.Cli.Internal.Queue;

/// <summary>
/// Declares the durable queues (idempotent: every command declares them, so none depends on another having run).
/// The articles queue is a quorum queue with a delivery limit: an article that crashes its worker, or is
/// handed back again and again, goes to the dead-letter queue after <c>maxDeliveries</c> deliveries instead
/// of coming back forever. Results and dead letters are classic durable queues. Persistent messages in
/// all three survive a broker restart.
/// </summary>
internal static class QueueTopology
{
    /// <summary>Deliveries an article gets before it is dead-lettered, unless <c>--max-deliveries</c> says otherwise.</summary>
    public const int DefaultMaxDeliveries = 5;

    /// <summary>All three queues, as <c>enqueue</c> and <c>worker</c> need them.</summary>
    public static async Task DeclareAsync(IChannel channel, QueueNames names, int maxDeliveries, CancellationToken cancellation = default)
    {
        await DeclareResultsAsync(channel, names, cancellation);
        if (names.Articles != names.Results && names.Articles != names.DeadLetters)
            await DeclareOneAsync(channel, names.Articles, ArticlesArguments(names, maxDeliveries), cancellation);
    }

    /// <summary>
    /// The results and dead-letter queues only, for <c>collect</c>: it never touches the articles queue, so it
    /// cannot disagree with the delivery limit the others declared.
    /// </summary>
    public static async Task DeclareResultsAsync(IChannel channel, QueueNames names, CancellationToken cancellation = default)
    {
        foreach (var queue in new[] { names.Results, names.DeadLetters }.Distinct())
            await DeclareOneAsync(channel, queue, null, cancellation);
    }

    /// <summary>
    /// The articles queue's arguments. The broker counts a delivery as returned when it is nacked with requeue
    /// or its consumer goes away unacknowledged (a crash, a lost connection), and dead-letters the message
    /// once the returns exceed <c>x-delivery-limit</c>; so a limit of N-1 allows N deliveries. At-least-once
    /// dead-lettering keeps such an article until the dead-letter queue has it.
    /// </summary>
    public static Dictionary<string, object?> ArticlesArguments(QueueNames names, int maxDeliveries) => new()
    {
        ["x-queue-type"] = "quorum",
        ["x-delivery-limit"] = maxDeliveries - 1,
        ["x-dead-letter-exchange"] = "",
        ["x-dead-letter-routing-key"] = names.DeadLetters,
        ["x-dead-letter-strategy"] = "at-least-once",
        ["x-overflow"] = "reject-publish",
    };

    private static async Task DeclareOneAsync(IChannel channel, string queue, IDictionary<string, object?>? arguments, CancellationToken cancellation)
    {
        try
        {
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: arguments, cancellationToken: cancellation);
        }
        catch (OperationInterruptedException e) when (e.ShutdownReason?.ReplyCode == Constants.PreconditionFailed)
        {
            throw new QueueMismatchException(queue, e.ShutdownReason.ReplyText, arguments is not null, e);
        }
    }
}

/// <summary>
/// A queue already exists on the broker with other settings than this command declares (RabbitMQ refuses to
/// change a queue's settings): the message says which queue and what to do.
/// </summary>
internal sealed class QueueMismatchException(string queue, string brokerSays, bool isArticles, Exception inner)
    : Exception(Explain(queue, brokerSays, isArticles), inner)
{
    private static string Explain(string queue, string brokerSays, bool isArticles)
        => $"the queue {queue} already exists on the broker with other settings ({brokerSays}), and RabbitMQ cannot change a queue's settings. "
           + (isArticles
               ? "Give every enqueue and worker the same --max-deliveries (or $NEWSSTANCE_MAX_DELIVERIES) as when the queue was made; "
                 + "an articles queue made by an older newsstance is a classic queue: let the workers drain it, delete it (rabbitmqctl delete_queue "
                 + queue + ") and enqueue again, or use another --queue."
               : "Delete it once it is empty (rabbitmqctl delete_queue " + queue + ") or use another queue name.");
}
