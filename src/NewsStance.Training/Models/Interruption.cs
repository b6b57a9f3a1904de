namespace NewsStance.Training.Models;

/// <summary>
/// Ctrl+C (or SIGTERM, as a job scheduler or <c>docker stop</c> sends) while the encoder fine-tunes: the first asks the
/// trainer to stop after the step in hand and save a checkpoint, so the same command resumes there. One outside
/// fine-tuning, or a second one, ends the process as usual.
/// </summary>
internal sealed class Interruption
{
    /// <summary>The exit codes of a run stopped by SIGINT (Ctrl+C) and by SIGTERM: 128 + the signal, as a shell reports them.</summary>
    public const int SigintExit = 130, SigtermExit = 143;

    private readonly CancellationTokenSource _source = new();
    private int _armed;

    /// <summary>The exit code of the run once stopped: that of the signal that asked.</summary>
    public int ExitCode { get; private set; } = SigintExit;

    /// <summary>Signalled once a stop was asked for.</summary>
    public bool Requested => _source.IsCancellationRequested;

    /// <summary>Marks the stretch during which a request is honoured (the fine-tuning loop); dispose to end it.</summary>
    public IDisposable Arm()
    {
        Interlocked.Increment(ref _armed);
        return new Disarm(this);
    }

    /// <summary>Asks the armed trainer to stop; false when nothing is armed or a stop was already asked for (the caller then lets the process end).</summary>
    public bool TryRequest(int exitCode = SigintExit)
    {
        if (Volatile.Read(ref _armed) == 0 || _source.IsCancellationRequested) return false;
        ExitCode = exitCode;
        _source.Cancel();
        return true;
    }

    private sealed class Disarm(Interruption owner) : IDisposable
    {
        private int _done;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) Interlocked.Decrement(ref owner._armed);
        }
    }
}

/// <summary>The fine-tuning stopped on request after saving its checkpoint; the message says where and how to go on.</summary>
internal sealed class TrainingInterruptedException(string message) : Exception(message);
