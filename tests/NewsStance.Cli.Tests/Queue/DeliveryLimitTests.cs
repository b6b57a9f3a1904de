using System.Diagnostics;
using System.Text;
using NewsStance.Cli.Internal.Queue;
using NewsStance.Cli.Tests.Support;
using RabbitMQ.Client;

namespace NewsStance.Cli.Tests.Queue;

/// <summary>The articles queue's delivery cap: an article nobody acknowledges ends in the dead letters, and a queue declared otherwise is a clear error.</summary>
[Collection(RabbitCollection.Name)]
public sealed class DeliveryLimitTests(RabbitNode node)
{
    [Theory]
    [InlineData(3)]
    [InlineData(1)]
    public async Task An_article_handed_back_or_abandoned_max_deliveries_times_goes_to_the_dead_letters_with_its_reason(int maxDeliveries)
    {
        // Given: the articles queue as enqueue --max-deliveries N declares it, and one article on it
        var queues = new TestQueues(node) { MaxDeliveries = maxDeliveries };
        Assert.Equal(0, Newsstance.RunWithStdin(NewsBatch.Jsonl(0, 1), ["enqueue", "-", "--max-deliveries", $"{maxDeliveries}", .. queues.Options]).ExitCode);

        // When: consumers take it and never acknowledge it: one nacks it with requeue, the next goes away holding
        // it (as a crashed worker's channel does), and so on, until the queue stops handing it out
        int deliveries = 0;
        await using (var connection = await queues.Factory().CreateConnectionAsync())
        {
            for (int attempt = 0; attempt < 10; attempt++)
            {
                await using var channel = await connection.CreateChannelAsync();
                var got = await channel.BasicGetAsync(queues.Articles, autoAck: false);
                if (got is null) break;
                deliveries++;
                if (attempt % 2 == 0) await channel.BasicNackAsync(got.DeliveryTag, multiple: false, requeue: true);
                else await channel.CloseAsync();
            }
        }

        // Then: it was delivered exactly N times and waits in the dead letters, saying why
        Assert.Equal(maxDeliveries, deliveries);
        Assert.Empty(await queues.DrainAsync(queues.Articles));
        var dead = Assert.Single(await WaitForAsync(queues, queues.DeadLetters));
        Assert.Equal("n0", dead.Properties.MessageId);
        Assert.StartsWith("{\"id\":\"n0\",\"text\":", dead.Text);
        Assert.StartsWith($"delivery limit: {queues.Articles} handed it out", DeadLetters.ReasonOf(dead.Properties));
    }

    [Fact]
    public async Task A_worker_given_another_limit_than_the_queue_has_says_which_queue_and_what_to_do()
    {
        // Given: an articles queue made with the default limit
        var queues = new TestQueues(node);
        Assert.Equal(0, Newsstance.RunWithStdin(NewsBatch.Jsonl(0, 1), ["enqueue", "-", .. queues.Options]).ExitCode);

        // When
        var run = Newsstance.Run(["worker", "--rules-only", "--exit-when-idle", "1", "--max-deliveries", "7", .. queues.Options]);

        // Then: a usage error naming the queue and the remedy, no stack trace; the article is still queued
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"the queue {queues.Articles} already exists on the broker with other settings", run.Error);
        Assert.Contains("x-delivery-limit", run.Error);
        Assert.Contains("same --max-deliveries", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
        Assert.Equal(["n0"], (await queues.DrainAsync(queues.Articles)).Select(m => m.Properties.MessageId));
    }

    [Fact]
    public async Task An_articles_queue_made_classic_by_an_older_version_is_a_clear_error_for_enqueue()
    {
        // Given: a classic articles queue, as newsstance made it before the delivery cap
        var queues = new TestQueues(node);
        await using (var connection = await queues.Factory().CreateConnectionAsync())
        await using (var channel = await connection.CreateChannelAsync())
            await channel.QueueDeclareAsync(queues.Articles, durable: true, exclusive: false, autoDelete: false);

        // When
        var run = Newsstance.RunWithStdin(NewsBatch.Jsonl(0, 1), ["enqueue", "-", .. queues.Options]);

        // Then
        Assert.True(run.ExitCode == 2, run.ToString());
        Assert.Contains($"the queue {queues.Articles} already exists", run.Error);
        Assert.Contains($"rabbitmqctl delete_queue {queues.Articles}", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    /// <summary>
    /// Dead-lettering happens inside the broker just after the last return: wait for the message to arrive
    /// (it usually takes a moment; the minute is only a limit for a loaded machine).
    /// </summary>
    private static async Task<List<QueuedMessage>> WaitForAsync(TestQueues queues, string queue)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var messages = await queues.DrainAsync(queue);
            if (messages.Count > 0 || clock.Elapsed.TotalSeconds > 60) return messages;
            await Task.Delay(100);
        }
    }
}
