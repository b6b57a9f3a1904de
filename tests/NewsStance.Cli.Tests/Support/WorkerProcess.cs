using System.Diagnostics;
using System.Text;

namespace NewsStance.Cli.Tests.Support;

/// <summary>A real <c>newsstance worker</c> process, killed when the test ends if it still runs.</summary>
internal sealed class WorkerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr;

    private WorkerProcess(Process process, StringBuilder stderr) { _process = process; _stderr = stderr; }

    public static WorkerProcess Start(params string[] args) => new(CliProcess.Start(out var stderr, ["worker", .. args]), stderr);

    public bool HasExited => _process.HasExited;
    public int ExitCode => _process.ExitCode;
    public string Stderr { get { lock (_stderr) return _stderr.ToString(); } }

    /// <summary>SIGTERM, as systemd or a container runtime stops a service; waits for the exit.</summary>
    public void Terminate()
    {
        using (var kill = Process.Start("kill", ["-TERM", _process.Id.ToString()])!) kill.WaitForExit();
        Assert.True(_process.WaitForExit(120_000), $"the worker did not stop after SIGTERM:\n{Stderr}");
        _process.WaitForExit(); // let the stderr reader finish
    }

    /// <summary>kill -9: no chance to finish anything.</summary>
    public void Kill9()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited) Kill9();
        _process.Dispose();
    }
}
