using System.Diagnostics;
using NewsStance.Training.Models;
using NewsStance.Training.Tests.Support;

namespace NewsStance.Training.Tests;

/// <summary>
/// The training app as a real process, stopped by SIGTERM (what a job scheduler or <c>docker stop</c> sends) while the
/// encoder fine-tunes: it saves a checkpoint, writes no bundle and exits 143; the same command then resumes and finishes.
/// </summary>
public sealed class TrainSigtermTests
{
    [Fact]
    public void Sigterm_during_fine_tuning_saves_a_checkpoint_and_the_same_command_resumes()
    {
        if (OperatingSystem.IsWindows()) return;
        // Given: a fine-tuning run long enough to be caught in the middle (one layer, many epochs of a small CSV)
        using var folder = new TempFolder();
        var csv = folder.Write("stance.csv", StanceRows.Csv(StanceRows.Training()));
        var bundle = folder.PathOf("bundle");
        string[] args = ["train-stance", "--data", csv, "--out", bundle, "--features", "encoder-arcticxs", "--encoder-layers", "1",
            "--max-tokens", "32", "--epochs", "60", "--seed", "7"];

        // When: SIGTERM once the first validation check is printed
        var (stoppedExit, stoppedError) = Run(folder.PathOf("cache"), args, signalOn: "validation macro-F1");

        // Then
        Assert.True(stoppedExit == Interruption.SigtermExit, $"exit {stoppedExit}\n{stoppedError}");
        Assert.Contains("checkpoint saved to", stoppedError);
        Assert.False(Directory.Exists(bundle));
        Assert.Single(Directory.GetFiles(folder.PathOf("cache/newsstance/checkpoints"), "*.ckpt"));

        // When: the same command again
        var (resumedExit, resumedError) = Run(folder.PathOf("cache"), args, signalOn: null);

        // Then
        Assert.True(resumedExit == 0, $"exit {resumedExit}\n{resumedError}");
        Assert.Contains("resuming from the checkpoint", resumedError);
        Assert.True(File.Exists(Path.Combine(bundle, "stance-encoder.bin")));
        Assert.Empty(Directory.GetFiles(folder.PathOf("cache/newsstance/checkpoints"), "*.ckpt"));
    }

    /// <summary>Runs the training app with its user cache in <paramref name="cache"/>; sends SIGTERM when stderr shows <paramref name="signalOn"/>.</summary>
    private static (int Exit, string Error) Run(string cache, string[] args, string? signalOn)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["XDG_CACHE_HOME"] = cache;
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "newsstance-train.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var error = new System.Text.StringBuilder();
        int signalled = 0;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) =>
        {
            if (e.Data is null) return;
            lock (error) error.AppendLine(e.Data);
            if (signalOn is not null && e.Data.Contains(signalOn, StringComparison.Ordinal) && Interlocked.Exchange(ref signalled, 1) == 0)
                using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])) kill.WaitForExit();
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (!process.WaitForExit(180_000)) { process.Kill(); Assert.Fail($"the training run did not end\n{error}"); }
        process.WaitForExit(); // the last stderr lines
        lock (error) return (process.ExitCode, error.ToString());
    }
}
