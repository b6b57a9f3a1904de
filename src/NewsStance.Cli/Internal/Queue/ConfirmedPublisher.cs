using RabbitMQ.Client;

namespace NewsStance.Cli.Internal.Queue;

/// <summary>
/// Publishes messages to queues on a channel with publisher confirms: each publish completes only when
/// the broker has taken the message (for a persistent message on a durable queue: written to disk), and
/// throws when it refused it or could not route it. Many publishes may be in flight at once.
/// </summary>
internal sealed class ConfirmedPublisher : IAsyncDisposable
{
    /// <summary>Publishes in flight before a further one waits for confirms (the client's own throttle).</summary>
    public const int InFlight = 512;

    private readonly IChannel _channel;

    private ConfirmedPublisher(IChannel channel) => _channel = channel;

    public static async Task<ConfirmedPublisher> OpenAsync(IConnection connection, CancellationToken cancellation = default)
    {
        var options = new CreateChannelOptions(
            publisherConfirmationsEnabled: true,
            publisherConfirmationTrackingEnabled: true,
            outstandingPublisherConfirmationsRateLimiter: new ThrottlingRateLimiter(InFlight));
        return new ConfirmedPublisher(await connection.CreateChannelAsync(options, cancellation));
    }

    /// <summary>Publishes to <paramref name="queue"/> (through the default exchange); completes when confirmed.</summary>
    public async Task PublishAsync(string queue, ReadOnlyMemory<byte> body, BasicProperties properties, CancellationToken cancellation = default)
        => await _channel.BasicPublishAsync(exchange: "", routingKey: queue, mandatory: true, basicProperties: properties, body: body, cancellationToken: cancellation);

    public async ValueTask DisposeAsync()
    {
        try { await _channel.CloseAsync(); }
        catch (Exception e) when (e is RabbitMQ.Client.Exceptions.AlreadyClosedException or OperationCanceledException or IOException) { }
        _channel.Dispose();
    }
}
