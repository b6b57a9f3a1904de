using System.Diagnostics;
using System.Text;
using NewsStance.Cli.Internal.Queue;
using NewsStance.Cli.Tests.Support;

namespace NewsStance.Cli.Tests.Queue;

/// <summary>
/// The scale-out promise, against a real RabbitMQ: three worker processes score 5,000 articles while one
/// of them is killed with -9 and the broker is restarted, and afterwards every article has exactly one
/// result, none is lost, and only the planted poison messages are dead letters.
/// </summary>
[Collection(RabbitCollection.Name)]
public sealed class ScaleOutTests(RabbitNode node)
{
    private const int ArticleCount = 5000;
    private static readonly TimeSpan RunLimit = TimeSpan.FromMinutes(4);

    private static readonly byte[][] Poison =
    [
        "this is not JSON"u8.ToArray(),
        "{\"id\":\"p2\",\"title\":\"an article without its text\"}"u8.ToArray(),
        "[\"a\",\"list\"]"u8.ToArray(),
        [0xFF, 0xFE, 0x00, 0x41, 0x00, 0x42],
    ];

    [Fact]
    public async Task Three_workers_one_killed_9_and_a_broker_restart_lose_nothing_and_score_nothing_twice()
    {
        // Given: the first half of the batch and the poison queued (the second half comes after the restart,
        // so the workers must have reconnected to finish), and three workers with the fast model
        using var dir = new TempFolder();
        var queues = new TestQueues(node);
        var first = dir.Write("first.jsonl", NewsBatch.Jsonl(0, ArticleCount / 2));
        var second = dir.Write("second.jsonl", NewsBatch.Jsonl(ArticleCount / 2, ArticleCount));
        Assert.Equal(0, Newsstance.Run(["enqueue", first, .. queues.Options]).ExitCode);
        for (int i = 0; i < Poison.Length; i++) await queues.PublishAsync(queues.Articles, Poison[i], $"poison-{i}");
        var workers = Enumerable.Range(0, 3)
            .Select(_ => WorkerProcess.Start(["--model", "fast", "--threads", "1", "--prefetch", "20", .. queues.Options]))
            .ToList();
        try
        {
            // When: one worker dies with articles in hand, then the broker restarts mid-run
            await WaitForResultsAsync(queues, 300, workers);
            workers[0].Kill9();
            await WaitForResultsAsync(queues, 1200, workers);
            node.Restart();
            var enqueue = Newsstance.Run(["enqueue", second, .. queues.Options]);
            Assert.True(enqueue.ExitCode == 0, enqueue.ToString());
            await WaitUntilScoredAsync(queues, workers);
            foreach (var w in workers.Skip(1))
            {
                w.Terminate();
                Assert.True(w.ExitCode == 0, $"worker exit {w.ExitCode}:\n{w.Stderr}");
                Assert.Contains("reconnected to the broker", w.Stderr);
            }

            // Then: one result per article, for every article
            var output = dir.PathOf("results.jsonl");
            var collect = Newsstance.Run(["collect", "-o", output, .. queues.Options]);
            Assert.True(collect.ExitCode == 0, collect.ToString());
            var ids = File.ReadAllLines(output).Select(l => ResultIds.Of(Encoding.UTF8.GetBytes(l))).ToList();
            Assert.Equal(ArticleCount, ids.Count);
            Assert.Equal(Enumerable.Range(0, ArticleCount).Select(NewsBatch.Id).Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
            Assert.Equal(0u, await queues.ReadyAsync(queues.Results));

            // And: the dead letters are exactly the poison, each with its reason
            var dead = await queues.DrainAsync(queues.DeadLetters);
            Assert.Equal(Poison.Select(Convert.ToHexString).Order(), dead.Select(d => Convert.ToHexString(d.Body)).Order());
            Assert.All(dead, d => Assert.False(string.IsNullOrEmpty(DeadLetters.ReasonOf(d.Properties))));
        }
        finally
        {
            foreach (var w in workers) w.Dispose();
        }
    }

    private static async Task WaitForResultsAsync(TestQueues queues, int count, List<WorkerProcess> workers)
    {
        var clock = Stopwatch.StartNew();
        while (await queues.ReadyAsync(queues.Results) < count)
        {
            AssertRunning(workers);
            Assert.True(clock.Elapsed < RunLimit, $"fewer than {count} results after {RunLimit}:\n{workers[^1].Stderr}");
            await Task.Delay(50);
        }
    }

    /// <summary>
    /// Waits until the articles queue holds nothing, ready or in a worker's hands. Neither count is sure alone
    /// on a loaded machine: the listed counts are as of a recent tick of the quorum queue, and the ready count
    /// a client is given is current but 0 when the queue is too busy to answer within 250 ms. Both must say empty.
    /// </summary>
    private async Task WaitUntilScoredAsync(TestQueues queues, List<WorkerProcess> workers)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            uint ready = await queues.ReadyAsync(queues.Articles);
            var listed = node.Queues().GetValueOrDefault(queues.Articles);
            if (ready == 0 && listed.Ready + listed.Unacknowledged == 0) return;
            AssertRunning(workers);
            Assert.True(clock.Elapsed < RunLimit, $"articles left after {RunLimit}: {ready} ready, listed {listed}:\n{workers[^1].Stderr}");
            await Task.Delay(500);
        }
    }

    private static void AssertRunning(List<WorkerProcess> workers)
    {
        foreach (var w in workers.Skip(1))
            Assert.False(w.HasExited, $"a worker exited ({(w.HasExited ? w.ExitCode : 0)}):\n{w.Stderr}");
    }
}
