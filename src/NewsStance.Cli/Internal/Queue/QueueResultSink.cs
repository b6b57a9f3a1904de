using RabbitMQ.Client;

namespace NewsStance.Cli.Internal.Queue;

/// <summary>Publishes each result to the durable results queue as a persistent message whose id is the article id, confirmed.</summary>
internal sealed class QueueResultSink(ConfirmedPublisher publisher, string queue) : IResultSink
{
    public Task WriteAsync(string articleId, ReadOnlyMemory<byte> line)
    {
        var properties = new BasicProperties { Persistent = true, MessageId = articleId, ContentType = "application/json" };
        // One JSON object per message: the line without its newline.
        return publisher.PublishAsync(queue, line[..^1], properties);
    }
}
