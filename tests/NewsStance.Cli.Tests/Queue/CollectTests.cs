using System.Text;
using NewsStance.Cli.Internal.Queue;
using NewsStance.Cli.Tests.Support;

namespace NewsStance.Cli.Tests.Queue;

/// <summary><c>collect</c>: one line per article id, an existing file extended, nothing taken off the queue before the file is safe.</summary>
[Collection(RabbitCollection.Name)]
public sealed class CollectTests(RabbitNode node)
{
    private static string Result(string id, string text = "") => $"{{\"article_id\":\"{id}\",\"date\":null,\"dateline\":null,\"quotes\":[]{text}}}";

    [Fact]
    public async Task Collect_keeps_one_result_per_article_and_extends_the_file_it_is_given()
    {
        // Given: results for a1, a2 (twice, as after a redelivery), a3, a message that is not a result,
        // and an output file from an earlier collect that already holds a2 and ends in a torn line
        using var dir = new TempFolder();
        var queues = new TestQueues(node);
        foreach (var body in new[] { Result("a1"), Result("a2"), Result("a2"), "not a result", Result("a3") })
            await queues.PublishAsync(queues.Results, Encoding.UTF8.GetBytes(body));
        var output = dir.Write("results.jsonl", Result("a2") + "\n{\"article_id\":\"a9\",\"dat");

        // When
        var run = Newsstance.Run(["collect", "-o", output, .. queues.Options]);

        // Then
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([Result("a2"), Result("a1"), Result("a3")], File.ReadAllLines(output));
        Assert.Contains("collected 2 results", run.Output);
        Assert.Contains("2 duplicates dropped", run.Output);
        Assert.Equal(0u, await queues.ReadyAsync(queues.Results));
        var dead = Assert.Single(await queues.DrainAsync(queues.DeadLetters));
        Assert.Equal("not a result", dead.Text);
        Assert.StartsWith("not a result", DeadLetters.ReasonOf(dead.Properties));
    }

    [Fact]
    public async Task Collect_that_cannot_write_its_file_takes_nothing_off_the_queue()
    {
        // Given: a result waiting, and an output path in a folder that does not exist
        using var dir = new TempFolder();
        var queues = new TestQueues(node);
        await queues.PublishAsync(queues.Results, Encoding.UTF8.GetBytes(Result("a1")));

        // When
        var run = Newsstance.Run(["collect", "-o", dir.PathOf("missing/results.jsonl"), .. queues.Options]);

        // Then
        Assert.Equal(2, run.ExitCode);
        Assert.Equal(1u, await queues.ReadyAsync(queues.Results));
    }

    [Fact]
    public void Collect_merges_the_result_files_of_many_workers_one_line_per_article()
    {
        // Given: two workers' files that share a result (an article scored twice), one ending in a torn line
        using var dir = new TempFolder();
        var first = dir.Write("w1.jsonl", Result("a1") + "\n" + Result("a2") + "\n{\"article_id\":\"a4\",\"da");
        var second = dir.Write("w2.jsonl", Result("a2") + "\n" + Result("a3") + "\n");
        var output = dir.PathOf("all.jsonl");

        // When
        var run = Newsstance.Run("collect", first, second, "--no-queue", "-o", output);

        // Then
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Equal([Result("a1"), Result("a2"), Result("a3")], File.ReadAllLines(output));
    }
}
