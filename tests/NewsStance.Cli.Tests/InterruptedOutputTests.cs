using System.Text;
using NewsStance.Cli.Tests.Support;

namespace NewsStance.Cli.Tests;

/// <summary>
/// <c>score -o FILE</c> stopped part way (kill -9, Ctrl+C) leaves no partial FILE: output goes to a
/// temporary file beside it, renamed over FILE only at the end. Ctrl+C exits 130.
/// </summary>
public sealed class InterruptedOutputTests
{
    /// <summary>Enough articles that the run is still writing when the test stops it.</summary>
    private const int ArticleCount = 20_000;

    private static string Batch(TempFolder dir)
    {
        var text = new StringBuilder();
        for (int i = 0; i < ArticleCount; i++)
            text.Append($$"""{"id":"a{{i}}","text":"\"Taxes are too high in district {{i}},\" Jane Miller said.\n\nTom Baker said that the plan for district {{i}} would fail.\n\n\"It will not,\" she said, \"because the council is with us.\""}""").Append('\n');
        return dir.Write("in/batch.jsonl", text.ToString());
    }

    private static string[] Partials(TempFolder dir) => Directory.GetFiles(dir.PathOf("out"), "*.partial");

    private static bool Writing(TempFolder dir) => Partials(dir).Any(p => new FileInfo(p).Length > 0);

    [Fact]
    public void Kill_9_mid_run_leaves_no_output_file_and_keeps_the_old_one()
    {
        if (OperatingSystem.IsWindows()) return;
        // Given: a long batch, and an output file from an earlier run
        using var dir = new TempFolder();
        var input = Batch(dir);
        var output = dir.Write("out/result.jsonl", "earlier run\n");
        using var run = CliProcess.Start(out var stderr, "score", "--rules-only", "--format", "jsonl", "--threads", "1", "-o", output, input);
        CliProcess.WaitUntil(() => Writing(dir), run, stderr);

        // When
        run.Kill();
        run.WaitForExit();

        // Then: the earlier output is whole, nothing else named result.jsonl appeared
        Assert.Equal("earlier run\n", File.ReadAllText(output));
    }

    [Fact]
    public void Ctrl_c_mid_run_exits_130_and_leaves_no_file_behind()
    {
        if (OperatingSystem.IsWindows()) return;
        // Given
        using var dir = new TempFolder();
        var input = Batch(dir);
        Directory.CreateDirectory(dir.PathOf("out"));
        var output = dir.PathOf("out/result.html");
        // The HTML report streams its article sections to a temporary file and writes FILE's partial only at
        // the end, so "mid-run" is seen in its own temp folder.
        var temp = Directory.CreateDirectory(dir.PathOf("tmp")).FullName;
        using var run = CliProcess.Start(out var stderr, [("TMPDIR", temp)], "score", "--rules-only", "--format", "html", "--threads", "1", "-o", output, input);
        CliProcess.WaitUntil(() => Directory.GetFiles(temp).Any(f => new FileInfo(f).Length > 0), run, stderr);

        // When
        CliProcess.Interrupt(run);
        Assert.True(run.WaitForExit(60_000), "newsstance did not stop after Ctrl+C");

        // Then
        Assert.Equal(130, run.ExitCode);
        Assert.Empty(Directory.GetFileSystemEntries(dir.PathOf("out")));
        Assert.Empty(Directory.GetFileSystemEntries(temp)); // the report's section buffer too
    }

    [Fact]
    public void Completed_run_leaves_only_the_output_file()
    {
        // Given
        using var dir = new TempFolder();
        var input = dir.Write("in/a.txt", Articles.OneQuote);
        var output = dir.PathOf("out/result.jsonl");
        Directory.CreateDirectory(dir.PathOf("out"));

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", "-o", output, input);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal([output], Directory.GetFileSystemEntries(dir.PathOf("out")));
        Assert.Single(Jsonl.Quotes(Jsonl.Single(File.ReadAllText(output))));
    }

    [Fact]
    public void Next_run_removes_what_a_killed_run_left_beside_the_file()
    {
        if (OperatingSystem.IsWindows()) return;
        // Given: the temporary file of a killed run (its process is gone) and one of a process still running (init, 1)
        using var dir = new TempFolder();
        var input = dir.Write("in/a.txt", Articles.OneQuote);
        var output = dir.PathOf("out/result.jsonl");
        var killed = dir.Write($"out/.result.jsonl.{UnusedProcessId()}.partial", "{\"article_id\":\"cut");
        var running = dir.Write("out/.result.jsonl.1.partial", "");

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", "-o", output, input);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.False(File.Exists(killed));
        Assert.True(File.Exists(running));
        Assert.True(File.Exists(output));
    }

    private static int UnusedProcessId()
    {
        for (int id = 4_000_000; ; id--)
        {
            try { System.Diagnostics.Process.GetProcessById(id).Dispose(); }
            catch (ArgumentException) { return id; }
        }
    }
}
