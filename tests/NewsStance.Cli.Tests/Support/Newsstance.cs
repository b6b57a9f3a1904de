using System.Text;
using NewsStance.Cli.Internal;

namespace NewsStance.Cli.Tests.Support;

/// <summary>What one in-process run of <c>newsstance</c> printed and returned.</summary>
/// <param name="ExitCode">The exit code.</param>
/// <param name="Output">Everything written to stdout, whether through the text writer (table) or the stream (jsonl, csv).</param>
/// <param name="Error">Everything written to stderr.</param>
internal sealed record CliResult(int ExitCode, string Output, string Error)
{
    /// <summary>The non-empty stdout lines.</summary>
    public string[] OutputLines => Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);

    public override string ToString() => $"exit {ExitCode}\n--- stdout\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Runs the <c>newsstance</c> command line in-process with in-memory streams.</summary>
internal static class Newsstance
{
    public static CliResult Run(params string[] args) => RunWithStdin(Array.Empty<byte>(), args);

    public static CliResult RunWithStdin(string stdin, params string[] args) => RunWithStdin(new UTF8Encoding(false).GetBytes(stdin), args);

    public static CliResult RunWithStdin(byte[] stdin, params string[] args)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        var stdoutStream = new MemoryStream();
        int exit = CliApp.Run(args, stdout, stderr, () => new MemoryStream(stdin), () => stdoutStream);
        var output = stdout.ToString() + Encoding.UTF8.GetString(stdoutStream.ToArray());
        return new CliResult(exit, output, stderr.ToString());
    }
}
