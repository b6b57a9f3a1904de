using Spectre.Console;

namespace NewsStance.Training.Tests.Support;

/// <summary>What one call of a training command printed and returned.</summary>
internal sealed record TrainingResult(int ExitCode, string Output, string Error)
{
    public override string ToString() => $"exit {ExitCode}\n--- console\n{Output}\n--- stderr\n{Error}";
}

/// <summary>Runs <see cref="Commands"/> with its console and stderr captured.</summary>
internal static class TrainingRun
{
    public static TrainingResult Of(Func<Commands, int> command)
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
        int exit = command(new Commands(console, error));
        return new TrainingResult(exit, output.ToString(), error.ToString());
    }
}
