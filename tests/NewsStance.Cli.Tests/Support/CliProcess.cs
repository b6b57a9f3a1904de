using System.Diagnostics;
using System.Text;

namespace NewsStance.Cli.Tests.Support;

/// <summary>Starts the built <c>newsstance</c> as a real process, for tests about signals and kills.</summary>
internal static class CliProcess
{
    public static Process Start(params string[] args) => Start(out _, args);

    /// <summary>Starts newsstance; <paramref name="stderr"/> fills with what it prints there, for failure messages.</summary>
    public static Process Start(out StringBuilder stderr, params string[] args) => Start(out stderr, [], args);

    /// <summary>Starts newsstance with extra <paramref name="environment"/> variables.</summary>
    public static Process Start(out StringBuilder stderr, (string Name, string Value)[] environment, params string[] args)
    {
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in environment) info.Environment[name] = value;
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "newsstance.dll"));
        foreach (var a in args) info.ArgumentList.Add(a);
        var process = Process.Start(info)!;
        // Drain both pipes so a chatty run never blocks on a full pipe.
        process.OutputDataReceived += (_, _) => { };
        var errors = stderr = new StringBuilder();
        process.ErrorDataReceived += (_, e) => { lock (errors) errors.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    /// <summary>Sends SIGINT, as Ctrl+C in a terminal does.</summary>
    public static void Interrupt(Process process)
    {
        using var kill = Process.Start("kill", ["-INT", process.Id.ToString()])!;
        kill.WaitForExit();
    }

    /// <summary>Waits until <paramref name="ready"/> holds, failing the test after <paramref name="seconds"/>.</summary>
    public static void WaitUntil(Func<bool> ready, Process process, StringBuilder stderr, int seconds = 60)
    {
        var clock = Stopwatch.StartNew();
        while (!ready())
        {
            if (process.HasExited) Assert.Fail($"newsstance exited ({process.ExitCode}) before the moment the test waits for:\n{stderr}");
            Assert.True(clock.Elapsed.TotalSeconds < seconds, "timed out waiting for newsstance");
            Thread.Sleep(10);
        }
    }
}
