using RabbitMQ.Client;
using RabbitMQ.Client.Events;

namespace NewsStance.Cli.Internal.Queue;

/// <summary>
/// Consumes the articles queue: each message is read as a JSON Lines article, scored, its result written
/// to every sink, and only then acknowledged (at-least-once: a worker that dies before the ack leaves the
/// article to another). A message that is not an article goes to the dead letters with its reason.
/// Up to <c>prefetch</c> messages are in hand; <c>threads</c> of them are scored at once, the others wait
/// or are having their results confirmed, so the cores stay busy while the broker writes to disk.
/// </summary>
internal sealed class ArticleWorker(
    IConnection connection, QueueNames names, int maxDeliveries, NewsScorer scorer, IReadOnlyList<StanceTarget> targets,
    int threads, ushort prefetch, IReadOnlyList<IResultSink> sinks, DeadLetters deadLetters, ErrorReporter errors)
{
    /// <summary>How long a stopping worker waits for the articles in hand before it gives up on them.</summary>
    private static readonly TimeSpan DrainLimit = TimeSpan.FromMinutes(2);

    private readonly SemaphoreSlim _cores = new(Math.Max(1, threads));
    private volatile bool _stopping;
    private int _inHand, _scored, _deadLettered;
    private long _lastActivity = Environment.TickCount64;

    public int Scored => _scored;
    public int DeadLettered => _deadLettered;

    /// <summary>
    /// Consumes until <paramref name="stop"/> (SIGTERM, Ctrl+C) or, with <paramref name="exitWhenIdle"/>,
    /// until no article has come for that long while connected; then finishes the articles in hand.
    /// Messages received but not started go back to the queue when the channel closes.
    /// </summary>
    public async Task RunAsync(TimeSpan? exitWhenIdle, CancellationToken stop)
    {
        var channel = await connection.CreateChannelAsync(new CreateChannelOptions(false, false, consumerDispatchConcurrency: prefetch), stop);
        await QueueTopology.DeclareAsync(channel, names, maxDeliveries, stop);
        await channel.BasicQosAsync(prefetchSize: 0, prefetchCount: prefetch, global: false, stop);
        var consumer = new AsyncEventingBasicConsumer(channel);
        consumer.ReceivedAsync += (_, delivery) => HandleAsync(channel, delivery);
        connection.RecoverySucceededAsync += (_, _) => { Touch(); return Task.CompletedTask; };
        var consumerTag = await channel.BasicConsumeAsync(names.Articles, autoAck: false, consumer, stop);
        Touch(); // the idle time counts from here: opening the channel on a slow broker is no time without articles
        errors.Info($"worker: consuming {names.Articles} (prefetch {prefetch}, {threads} thread{(threads == 1 ? "" : "s")}); results to {string.Join(" and ", sinks.Select(Describe))}");

        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(250), stop);
                bool idle = Volatile.Read(ref _inHand) == 0 && connection.IsOpen
                    && Environment.TickCount64 - Interlocked.Read(ref _lastActivity) > exitWhenIdle?.TotalMilliseconds;
                if (idle) break;
            }
        }
        catch (OperationCanceledException) { }

        _stopping = true;
        int inHand = Volatile.Read(ref _inHand);
        if (inHand > 0) errors.Info($"worker: stopping; finishing {inHand} article{(inHand == 1 ? "" : "s")} in hand");
        try { await channel.BasicCancelAsync(consumerTag); }
        catch (Exception e) when (IsBrokerTrouble(e)) { }
        var deadline = Environment.TickCount64 + (long)DrainLimit.TotalMilliseconds;
        while (Volatile.Read(ref _inHand) > 0 && Environment.TickCount64 < deadline) await Task.Delay(20);
        try { await channel.CloseAsync(); }
        catch (Exception e) when (IsBrokerTrouble(e)) { }
        channel.Dispose();
    }

    private async Task HandleAsync(IChannel channel, BasicDeliverEventArgs delivery)
    {
        // Counted before the check, so a stopping worker either sees this article in hand or it was never started.
        Interlocked.Increment(ref _inHand);
        if (_stopping)
        {
            // A stopping worker starts nothing new: the message goes back to the queue when the channel closes.
            Interlocked.Decrement(ref _inHand);
            return;
        }
        Touch();
        var input = ArticleMessage.Read(delivery.Body.Span, delivery.BasicProperties.MessageId, delivery.DeliveryTag);
        try
        {
            if (input.Warning is not null) errors.Warning($"{input.Source}: {input.Warning}");
            string? reason = input.Error;
            byte[]? line = null;
            if (reason is null)
            {
                await _cores.WaitAsync();
                try { line = ResultLine.Of(scorer.Score(input.Id, input.Text, targets), input); }
                catch (Exception e) { reason = $"scoring failed: {e.GetType().Name}: {e.Message}"; }
                finally { _cores.Release(); }
            }
            if (reason is not null)
            {
                errors.Warning($"{input.Source}: {reason}; sent to {names.DeadLetters}");
                await deadLetters.SendAsync(delivery.Body, delivery.BasicProperties, names.Articles, reason);
                await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
                Interlocked.Increment(ref _deadLettered);
                return;
            }
            foreach (var sink in sinks) await sink.WriteAsync(input.Id, line!);
            await channel.BasicAckAsync(delivery.DeliveryTag, multiple: false);
            Interlocked.Increment(ref _scored);
        }
        catch (Exception e)
        {
            // Not acknowledged: the broker gives the article to a worker again (this one, once reconnected).
            errors.Warning($"{input.Source}: not acknowledged, it will be delivered again ({e.Message})");
            try { if (channel.IsOpen) await channel.BasicNackAsync(delivery.DeliveryTag, multiple: false, requeue: true); }
            catch (Exception nack) when (IsBrokerTrouble(nack)) { }
        }
        finally
        {
            Interlocked.Decrement(ref _inHand);
            Touch();
        }
    }

    private void Touch() => Interlocked.Exchange(ref _lastActivity, Environment.TickCount64);

    private static string Describe(IResultSink sink) => sink is FileResultSink ? "a file" : "the results queue";

    private static bool IsBrokerTrouble(Exception e)
        => e is RabbitMQ.Client.Exceptions.RabbitMQClientException or RabbitMQ.Client.Exceptions.OperationInterruptedException
            or RabbitMQ.Client.Exceptions.PublishException or OperationCanceledException or ObjectDisposedException;
}
