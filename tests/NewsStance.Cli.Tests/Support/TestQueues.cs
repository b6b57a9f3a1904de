using NewsStance.Cli.Internal.Queue;
using RabbitMQ.Client;

namespace NewsStance.Cli.Tests.Support;

/// <summary>One message as the test read it off a queue.</summary>
internal sealed record QueuedMessage(byte[] Body, IReadOnlyBasicProperties Properties)
{
    public string Text => System.Text.Encoding.UTF8.GetString(Body);
}

/// <summary>
/// A test's own three queues on the private node (unique names, so tests never see each other's
/// messages), the options that point the CLI at them, and a plain RabbitMQ client to plant and read messages.
/// </summary>
internal sealed class TestQueues(RabbitNode node)
{
    private readonly string _prefix = $"t{Guid.NewGuid():N}"[..13];

    public string Articles => $"{_prefix}.articles";
    public string Results => $"{_prefix}.results";
    public string DeadLetters => $"{_prefix}.dead";

    /// <summary>The articles queue's delivery limit, as the test's enqueue and worker commands declare it.</summary>
    public int MaxDeliveries { get; init; } = QueueTopology.DefaultMaxDeliveries;

    /// <summary>The queue names as the commands see them.</summary>
    public QueueNames Names => new(Articles, Results, DeadLetters);

    /// <summary>The broker and queue options every command of the test is given.</summary>
    public string[] Options => ["--broker", node.Uri, "--queue", Articles, "--results-queue", Results, "--dead-letter-queue", DeadLetters, "--connect-timeout", "60"];

    /// <summary>Publishes raw bytes to a queue (all three declared first, as the commands declare them), confirmed, as a foreign producer would.</summary>
    public async Task PublishAsync(string queue, byte[] body, string? messageId = null)
    {
        await using var connection = await Factory().CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync(new CreateChannelOptions(true, true));
        await QueueTopology.DeclareAsync(channel, Names, MaxDeliveries);
        await channel.BasicPublishAsync("", queue, true, new BasicProperties { Persistent = true, MessageId = messageId }, body);
    }

    /// <summary>Takes every message off <paramref name="queue"/>.</summary>
    public async Task<List<QueuedMessage>> DrainAsync(string queue)
    {
        await using var connection = await Factory().CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await QueueTopology.DeclareAsync(channel, Names, MaxDeliveries);
        var messages = new List<QueuedMessage>();
        while (await channel.BasicGetAsync(queue, autoAck: true) is { } m) messages.Add(new QueuedMessage(m.Body.ToArray(), m.BasicProperties));
        return messages;
    }

    /// <summary>
    /// Messages ready on <paramref name="queue"/> (not counting those delivered and unacknowledged). For the quorum
    /// articles queue the broker answers 0 when the queue does not reply within 250 ms: to know what is on it, drain it.
    /// </summary>
    public async Task<uint> ReadyAsync(string queue)
    {
        await using var connection = await Factory().CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        await QueueTopology.DeclareAsync(channel, Names, MaxDeliveries);
        return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
    }

    public ConnectionFactory Factory() => new() { Uri = new Uri(node.Uri), AutomaticRecoveryEnabled = false };
}
