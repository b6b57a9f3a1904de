namespace NewsStance.Cli.Internal;

/// <summary>Writes errors, warnings and news of long runs to stderr in one form: <c>newsstance: error: where: what</c>.</summary>
internal sealed class ErrorReporter(TextWriter stderr)
{
    private readonly Lock _gate = new();

    public void Error(string message) { lock (_gate) stderr.WriteLine($"newsstance: error: {message}"); }
    public void Warning(string message) { lock (_gate) stderr.WriteLine($"newsstance: warning: {message}"); }
    public void Info(string message) { lock (_gate) stderr.WriteLine($"newsstance: {message}"); }
}
