using RabbitMQ.Client;

namespace NewsStance.Cli.Internal.Queue;

/// <summary>
/// Declares the durable queues (idempotent: every command declares them, so none depends on another having run).
/// Classic durable queues with persistent messages survive a broker restart.
/// </summary>
internal static class QueueTopology
{
    public static async Task DeclareAsync(IChannel channel, QueueNames names, CancellationToken cancellation = default)
    {
        foreach (var queue in new[] { names.Articles, names.Results, names.DeadLetters }.Distinct())
            await channel.QueueDeclareAsync(queue, durable: true, exclusive: false, autoDelete: false, arguments: null, cancellationToken: cancellation);
    }
}
