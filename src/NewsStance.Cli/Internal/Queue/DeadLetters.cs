using System.Text;
using RabbitMQ.Client;

namespace NewsStance.Cli.Internal.Queue;

/// <summary>
/// Sends a message that is not an article (or not a result) to the dead-letter queue unchanged, with
/// why in the <c>x-newsstance-reason</c> header and where it came from in <c>x-newsstance-queue</c>, so
/// someone can look at it, fix it and publish it again. One bad message never stops a worker or loops.
/// </summary>
internal sealed class DeadLetters(ConfirmedPublisher publisher, string queue)
{
    public const string ReasonHeader = "x-newsstance-reason";
    public const string SourceHeader = "x-newsstance-queue";

    public async Task SendAsync(ReadOnlyMemory<byte> body, IReadOnlyBasicProperties original, string fromQueue, string reason, CancellationToken cancellation = default)
    {
        var headers = new Dictionary<string, object?>();
        if (original.Headers is not null) foreach (var (k, v) in original.Headers) headers[k] = v;
        headers[ReasonHeader] = Encoding.UTF8.GetBytes(reason);
        headers[SourceHeader] = Encoding.UTF8.GetBytes(fromQueue);
        var properties = new BasicProperties
        {
            Persistent = true,
            MessageId = original.MessageId,
            ContentType = original.ContentType,
            Headers = headers,
        };
        await publisher.PublishAsync(queue, body, properties, cancellation);
    }

    /// <summary>
    /// The reason a dead-lettered message carries: the worker's own <c>x-newsstance-reason</c>, else the one the
    /// broker puts in <c>x-first-death-reason</c> (<c>delivery_limit</c>: the articles queue's --max-deliveries
    /// ran out, the article was handed out that often and never acknowledged).
    /// </summary>
    public static string? ReasonOf(IReadOnlyBasicProperties properties)
    {
        if (Header(properties, ReasonHeader) is { } ours) return ours;
        return Header(properties, "x-first-death-reason") switch
        {
            null => null,
            "delivery_limit" => $"delivery limit: {Header(properties, "x-first-death-queue")} handed it out --max-deliveries times and it was never acknowledged (did it crash or stall the worker?)",
            var broker => $"dead-lettered by the broker from {Header(properties, "x-first-death-queue")}: {broker}",
        };
    }

    // The broker hands header strings back as bytes.
    private static string? Header(IReadOnlyBasicProperties properties, string name)
        => properties.Headers is { } h && h.TryGetValue(name, out var v) ? v switch { byte[] b => Encoding.UTF8.GetString(b), string s => s, _ => v?.ToString() } : null;
}
