using System.CommandLine;

namespace NewsStance.Cli.Internal;

/// <summary>The <c>newsstance</c> command line, runnable in-process by tests with their own streams.</summary>
internal static class CliApp
{
    public static int Run(string[] args, TextWriter stdout, TextWriter stderr, Func<Stream> stdin, Func<Stream> stdoutStream)
    {
        var root = new RootCommand("NewsStance: who said what in the news, and with which stance.")
        {
            new ScoreCommand().Build(stdout, stderr, stdin, stdoutStream),
            new SummarizeCommand().Build(stderr, stdin, stdoutStream),
            new TargetsCommand().Build(stdout, stderr, stdin, stdoutStream),
            new Queue.EnqueueCommand().Build(stdout, stderr, stdin),
            new Queue.WorkerCommand().Build(stderr),
            new Queue.CollectCommand().Build(stdout, stderr, stdoutStream),
        };
        VersionAction.Install(root, stdout);
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) stderr.WriteLine($"newsstance: error: {e.Message}");
            stderr.WriteLine("Run 'newsstance --help' for usage.");
            return ScoreCommand.Usage;
        }
        return parse.Invoke(new InvocationConfiguration { Output = stdout, Error = stderr });
    }
}
