using System.Text.Json;
using NewsStance.Cli.Tests.Support;
using RabbitMQ.Client;

namespace NewsStance.Cli.Tests.Queue;

/// <summary><c>enqueue</c> publishes what <c>score</c> would read, keyed by article id, and does not publish work that is done.</summary>
[Collection(RabbitCollection.Name)]
public sealed class EnqueueTests(RabbitNode node)
{
    [Fact]
    public async Task Enqueue_publishes_each_article_as_a_persistent_message_whose_id_is_the_article_id()
    {
        // Given: a folder with a text article and a JSON Lines file of two, one with a field of its own
        using var dir = new TempFolder();
        var queues = new TestQueues(node);
        dir.Write("in/peskov.txt", Articles.OneQuote);
        dir.Write("in/more.jsonl", "{\"id\":\"m1\",\"text\":\"Tom Baker said that the plan would fail.\",\"outlet\":\"Wire\"}\n{\"id\":7,\"text\":\"\\\"Yes,\\\" she said.\"}\n");

        // When
        var run = Newsstance.Run(["enqueue", dir.PathOf("in"), .. queues.Options]);

        // Then
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("enqueued 3 articles", run.Output);
        var messages = await queues.DrainAsync(queues.Articles);
        Assert.Equal(["m1", "7", "peskov"], messages.Select(m => m.Properties.MessageId));
        Assert.All(messages, m => Assert.Equal(DeliveryModes.Persistent, m.Properties.DeliveryMode));
        var m1 = JsonDocument.Parse(messages[0].Body).RootElement;
        Assert.Equal(["id", "text", "outlet"], m1.EnumerateObject().Select(p => p.Name));
        Assert.Equal("Wire", m1.GetProperty("outlet").GetString());
        Assert.Equal(Articles.OneQuote, JsonDocument.Parse(messages[2].Body).RootElement.GetProperty("text").GetString());
    }

    [Fact]
    public async Task Enqueue_again_with_the_results_so_far_publishes_only_the_articles_not_done()
    {
        // Given: five articles, two of which have results already
        using var dir = new TempFolder();
        var queues = new TestQueues(node);
        var batch = dir.Write("batch.jsonl", NewsBatch.Jsonl(0, 5));
        var done = dir.PathOf("done.jsonl");
        Assert.Equal(0, Newsstance.Run("score", "--rules-only", "--format", "jsonl", "-o", done, dir.Write("some.jsonl", NewsBatch.Jsonl(1, 3))).ExitCode);

        // When
        var run = Newsstance.Run(["enqueue", batch, "--skip-done", done, .. queues.Options]);

        // Then
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("enqueued 3 articles", run.Output);
        Assert.Contains("2 already done were skipped", run.Output);
        Assert.Equal(["n0", "n3", "n4"], (await queues.DrainAsync(queues.Articles)).Select(m => m.Properties.MessageId));
    }

    [Fact]
    public void Enqueue_with_no_broker_says_where_it_looked_and_exits_2()
    {
        // Given: a port nothing listens on
        using var dir = new TempFolder();
        var article = dir.Write("a.txt", Articles.OneQuote);

        // When
        var run = Newsstance.Run("enqueue", article, "--broker", "amqp://guest:guest@127.0.0.1:1/", "--connect-timeout", "0");

        // Then
        Assert.Equal(2, run.ExitCode);
        Assert.Contains("cannot reach the broker at amqp://127.0.0.1:1/", run.Error);
    }
}
