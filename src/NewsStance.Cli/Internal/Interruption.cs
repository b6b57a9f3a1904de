using System.Runtime.InteropServices;

namespace NewsStance.Cli.Internal;

/// <summary>
/// Turns Ctrl+C (SIGINT) and SIGTERM into a cancellation, so a run can stop at a clean point, remove
/// its unfinished output and exit 130 (or 143 for SIGTERM), as shells expect, instead of dying mid-write.
/// </summary>
internal sealed class Interruption : IDisposable
{
    /// <summary>The exit code after Ctrl+C: 128 + SIGINT (2).</summary>
    public const int CtrlCExitCode = 130;

    /// <summary>The exit code after SIGTERM: 128 + 15.</summary>
    public const int TerminateExitCode = 143;

    private readonly CancellationTokenSource _cancel = new();
    private readonly PosixSignalRegistration[] _registrations;

    public Interruption()
    {
        _registrations =
        [
            PosixSignalRegistration.Create(PosixSignal.SIGINT, c => Stop(c, CtrlCExitCode)),
            PosixSignalRegistration.Create(PosixSignal.SIGTERM, c => Stop(c, TerminateExitCode)),
        ];
    }

    /// <summary>Cancelled when a signal asks the run to stop.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>The exit code for the signal received; 0 while none was.</summary>
    public int ExitCode { get; private set; }

    private void Stop(PosixSignalContext context, int exitCode)
    {
        // Keep the runtime from ending the process at once: the run stops itself and cleans up.
        context.Cancel = true;
        if (ExitCode == 0) ExitCode = exitCode;
        _cancel.Cancel();
    }

    public void Dispose()
    {
        foreach (var r in _registrations) r.Dispose();
        _cancel.Dispose();
    }
}
