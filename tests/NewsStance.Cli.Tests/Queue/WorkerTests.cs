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
        // Given: a worker busy with a batch it cannot finish soon. The articles are long and scored one at a
        // time, so the worker is slower than its broker and holds a full prefetch window: a worker faster than
        // the broker holds next to nothing, and on a loaded machine the signal could find its hands empty.
        using var dir = new TempFolder();
        var queues = new TestQueues(node);
        const int count = 1000, busy = 20;
        Assert.Equal(0, Newsstance.Run(["enqueue", dir.Write("batch.jsonl", NewsBatch.Jsonl(0, count, stories: 60)), .. queues.Options]).ExitCode);
        using var worker = WorkerProcess.Start(["--model", "fast", "--threads", "1", "--prefetch", "40", .. queues.Options]);
        var clock = Stopwatch.StartNew();
        while (await queues.ReadyAsync(queues.Results) < busy)
        {
            Assert.False(worker.HasExited, worker.Stderr);
            Assert.True(clock.Elapsed.TotalSeconds < 120, "the worker scored too little");
            await Task.Delay(20);
        }

        // When
        worker.Terminate();

        // Then: it finished what it held, and stopped part way
        Assert.True(worker.ExitCode == 0, worker.Stderr);
        Assert.Contains("stopping; finishing", worker.Stderr);
        var (queued, done) = await TakeEveryArticleAsync(queues, count);
        Assert.InRange(queued.Count, 1, count - busy);
        // And: every article is either done once or back in the queue: none lost, none done twice, none both
        // done and queued again (which an article scored but not acknowledged would be)
        Assert.Equal(done.Count, done.Distinct().Count());
        Assert.Empty(done.Intersect(queued));
        Assert.Equal(Enumerable.Range(0, count).Select(NewsBatch.Id).Order(StringComparer.Ordinal), done.Concat(queued).Order(StringComparer.Ordinal));
    }

    /// <summary>
    /// The ids of the articles left on the articles queue and of the results, taken off both queues. The broker
    /// hands a departed worker's unacknowledged articles back to the queue a moment after it goes: take again
    /// until every article is accounted for and the broker lists none as delivered, then once more, so an
    /// article both done and handed back late is seen too (a lost one never is: after a minute the test sees
    /// it missing). The listed count may be a tick old, but it cannot drop to none before the hand-back.
    /// </summary>
    private async Task<(List<string> Queued, List<string> Done)> TakeEveryArticleAsync(TestQueues queues, int count)
    {
        List<string> queued = [], done = [];
        var clock = Stopwatch.StartNew();
        bool settled = false;
        while (true)
        {
            queued.AddRange((await queues.DrainAsync(queues.Articles)).Select(m => m.Properties.MessageId ?? "(no id)"));
            done.AddRange((await queues.DrainAsync(queues.Results)).Select(m => ResultIds.Of(m.Body) ?? "(no id)"));
            if (settled || clock.Elapsed.TotalSeconds > 60) return (queued, done);
            settled = queued.Count + done.Count >= count && node.Queues()[queues.Articles].Unacknowledged == 0;
            if (!settled) await Task.Delay(100);
        }
    }
}
