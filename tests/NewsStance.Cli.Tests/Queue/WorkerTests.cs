using System.Diagnostics;
using System.Text;
using NewsStance.Cli.Internal.Queue;
using NewsStance.Cli.Tests.Support;

namespace NewsStance.Cli.Tests.Queue;

/// <summary><c>worker</c>: results exactly as <c>score</c> writes them, poison to the dead letters, SIGTERM finishes what is in hand.</summary>
[Collection(RabbitCollection.Name)]
public sealed class WorkerTests(RabbitNode node)
{
    [Fact]
    public async Task Worker_results_on_the_queue_and_in_its_file_are_the_lines_score_writes()
    {
        // Given
        using var dir = new TempFolder();
        var queues = new TestQueues(node);
        var batch = dir.Write("batch.jsonl", NewsBatch.Jsonl(0, 40));
        Assert.Equal(0, Newsstance.Run(["enqueue", batch, .. queues.Options]).ExitCode);
        var file = dir.PathOf("worker.jsonl");

        // When
        var run = Newsstance.Run(["worker", "--model", "fast", "-o", file, "--exit-when-idle", "1", .. queues.Options]);

        // Then
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("40 articles scored, 0 dead-lettered", run.Error);
        var expected = Newsstance.Run("score", "--model", "fast", "--format", "jsonl", batch).OutputLines.Order(StringComparer.Ordinal);
        Assert.Equal(expected, File.ReadAllLines(file).Order(StringComparer.Ordinal));
        Assert.Equal(expected, (await queues.DrainAsync(queues.Results)).Select(m => m.Text).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Messages_that_are_not_articles_go_to_the_dead_letters_with_their_reason()
    {
        // Given: two articles among four messages that are not articles
        using var dir = new TempFolder();
        var queues = new TestQueues(node);
        await queues.PublishAsync(queues.Articles, Encoding.UTF8.GetBytes(NewsBatch.Jsonl(0, 1)), "n0");
        await queues.PublishAsync(queues.Articles, "<html>not an article</html>"u8.ToArray(), "bad-1");
        await queues.PublishAsync(queues.Articles, "{\"id\":\"bad-2\",\"body\":\"the text is under another name\"}"u8.ToArray(), "bad-2");
        await queues.PublishAsync(queues.Articles, [0x00, 0x01, 0x02], "bad-3");
        await queues.PublishAsync(queues.Articles, "{\"text\":\"\\\"Yes,\\\" she said.\"}"u8.ToArray(), "no-id-field");
        await queues.PublishAsync(queues.Articles, "{\"text\":\"\\\"No,\\\" he said.\"}"u8.ToArray());

        // When
        var run = Newsstance.Run(["worker", "--rules-only", "--exit-when-idle", "1", .. queues.Options]);

        // Then: the articles are scored (one keeps its message id as article id), the rest are dead letters with why
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("2 articles scored, 4 dead-lettered", run.Error);
        var results = (await queues.DrainAsync(queues.Results)).Select(m => ResultIds.Of(m.Body)).Order();
        Assert.Equal(["n0", "no-id-field"], results);
        var dead = (await queues.DrainAsync(queues.DeadLetters)).ToDictionary(d => d.Properties.MessageId ?? "(none)", d => DeadLetters.ReasonOf(d.Properties));
        Assert.Equal(4, dead.Count);
        Assert.StartsWith("not valid JSON", dead["bad-1"]);
        Assert.Equal("object has no string \"text\" field", dead["bad-2"]);
        Assert.Contains("binary", dead["bad-3"]);
        Assert.Equal("the article has no \"id\" field and the message no message id", dead["(none)"]);
    }

    [Fact]
    public async Task Sigterm_finishes_the_articles_in_hand_acknowledges_them_and_exits_0()
    {
        // Given: a worker busy with a long batch
        using var dir = new TempFolder();
        var queues = new TestQueues(node);
        const int count = 4000;
        Assert.Equal(0, Newsstance.Run(["enqueue", dir.Write("batch.jsonl", NewsBatch.Jsonl(0, count)), .. queues.Options]).ExitCode);
        using var worker = WorkerProcess.Start(["--model", "fast", "--threads", "1", "--prefetch", "40", .. queues.Options]);
        var clock = Stopwatch.StartNew();
        while (await queues.ReadyAsync(queues.Results) < 200)
        {
            Assert.False(worker.HasExited, worker.Stderr);
            Assert.True(clock.Elapsed.TotalSeconds < 120, "the worker scored too little");
            await Task.Delay(20);
        }

        // When
        worker.Terminate();

        // Then: it stopped part way, and every article is either done once or back in the queue: none in
        // hand, none lost, none both done and queued again (which an article scored but not acknowledged would be)
        Assert.True(worker.ExitCode == 0, worker.Stderr);
        Assert.Contains("stopping; finishing", worker.Stderr);
        // (A quorum queue reports its counts as of a recent tick, and a loaded machine stretches the ticks: read
        // again until the counts settle. An article both done and queued again never settles to the count.)
        var q = node.Queues();
        for (var settle = Stopwatch.StartNew(); q[queues.Articles].Ready + q[queues.Results].Ready != count && settle.Elapsed.TotalSeconds < 15;)
            q = node.Queues();
        Assert.Equal(0, q[queues.Articles].Unacknowledged);
        Assert.InRange(q[queues.Articles].Ready, 1, count - 200);
        Assert.Equal(count, q[queues.Articles].Ready + q[queues.Results].Ready);
    }
}
