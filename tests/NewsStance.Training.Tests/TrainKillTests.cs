using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json;
using NewsStance.Training.Tests.Support;
using Xunit.Abstractions;

namespace NewsStance.Training.Tests;

/// <summary>
/// <c>train</c> killed with SIGKILL at random moments, half of them while it writes the new bundle and
/// puts it in place: the bundle it was replacing is still there,
/// loadable and byte-for-byte unchanged, or it is the whole new bundle, never a mixture or nothing.
/// </summary>
public sealed class TrainKillTests(ITestOutputHelper output)
{
    private const int Trials = 10;

    [Fact]
    public void Kill_9_at_random_moments_leaves_the_previous_bundle_or_the_whole_new_one()
    {
        if (OperatingSystem.IsWindows()) return;
        // Given: a bundle trained with seed 1, and how long a whole run with seed 2 takes as a process
        using var folder = new TempFolder();
        var data = TrainingData.Good().Write(folder);
        var bundle = folder.PathOf("models/bundle");
        Assert.Equal(0, TrainingRun.Of(c => c.Train(data, bundle, 1, 2, "sdca", false, "ngram")).ExitCode);
        var previous = Snapshot(bundle);
        var clock = Stopwatch.StartNew();
        using (var whole = Train(data, folder.PathOf("models/timing"))) Assert.True(whole.WaitForExit(120_000) && whole.ExitCode == 0, "an uninterrupted run should succeed");
        var runTime = clock.Elapsed;
        var random = new Random(14);
        int replaced = 0;

        for (int trial = 0; trial < Trials; trial++)
        {
            // When: every other run is killed anywhere from its start to a little after it would have
            // ended; the others while the bundle is written and put in place, once its temporary folder appears
            using var run = Train(data, bundle);
            if (trial % 2 == 0) Thread.Sleep(runTime * (random.NextDouble() * 1.1));
            else
            {
                var writing = Path.Combine(folder.PathOf("models"), $".bundle.tmp-{run.Id}");
                while (!Directory.Exists(writing) && !run.HasExited) Thread.Sleep(1);
                Thread.Sleep(random.Next(0, 300));
            }
            run.Kill();
            run.WaitForExit();

            // Then
            var now = Snapshot(bundle);
            if (!now.SequenceEqual(previous))
            {
                // The kill came after the new bundle was in place: it must be whole and from this run.
                Assert.Equal(2, Seed(bundle));
                replaced++;
                previous = now;
            }
            using var scorer = NewsScorer.Create(new ScorerOptions { ModelDirectory = bundle });
            Assert.NotNull(scorer.Model);
        }
        output.WriteLine($"a whole run took {runTime.TotalSeconds:F1} s; {Trials} kills, {replaced} after the new bundle was in place");
        Assert.True(replaced < Trials, "every kill came after the run ended: the trials tested nothing");

        // And a run to the end clears what the killed runs left beside the bundle.
        using (var last = Train(data, bundle)) Assert.True(last.WaitForExit(120_000) && last.ExitCode == 0, "a run after the kills should succeed");
        Assert.Equal(["bundle", "timing"], Directory.GetDirectories(folder.PathOf("models")).Select(Path.GetFileName).Order());
    }

    private static Process Train(string data, string bundle)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "newsstance-train.dll"), "train", "--data", data, "--out", bundle, "--seed", "2", "--folds", "2", "--features", "ngram" })
            info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static int Seed(string bundle)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(bundle, "manifest.json")));
        return manifest.RootElement.GetProperty("seed").GetInt32();
    }

    /// <summary>Each file of the bundle and a hash of its bytes, in name order.</summary>
    private static List<(string Name, string Hash)> Snapshot(string dir)
        => [.. Directory.GetFiles(dir).Order(StringComparer.Ordinal).Select(f => (Path.GetFileName(f), Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f)))))];
}
