using Spectre.Console;

namespace NewsStance.Training.Tests.Support;

/// <summary>What one call of a training command printed and returned.</summary>
internal sealed record TrainingResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- console\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Runs <see cref="Commands"/>, or the whole command line, with its console and stderr captured.</summary>
internal static class TrainingRun
{
    public static TrainingResult Of(Func<Commands, int> command) => Capture((console, error) => command(new Commands(console, error)));

    /// <summary>The training app as a user types it: <c>train-stance --data x.csv --output dir</c>.</summary>
    public static TrainingResult App(params string[] args) => Capture((console, error) => TrainingApp.Run(args, console, error));

    private static TrainingResult Capture(Func<IAnsiConsole, TextWriter, int> run)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = AnsiSupport.No,
            ColorSystem = ColorSystemSupport.NoColors,
        });
        console.Profile.Width = 200; // long paths stay on one line
        int exit = run(console, error);
        return new TrainingResult(exit, output.ToString(), error.ToString());
    }
}
