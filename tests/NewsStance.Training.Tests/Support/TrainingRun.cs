using Spectre.Console;
using NewsStance.Training.Models;

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

    /// <summary>
    /// Runs <paramref name="command"/> and presses Ctrl+C (through <see cref="Interruption"/>, as the app's handler does)
    /// when stderr shows its <paramref name="nth"/> line containing <paramref name="trigger"/>.
    /// </summary>
    public static TrainingResult Interrupted(Func<Commands, int> command, string trigger, int nth)
    {
        var interruption = new Interruption();
        return Capture((console, error) => command(new Commands(console, error, interruption)),
            new InterruptingWriter(trigger, nth, () => interruption.TryRequest()));
    }

    /// <summary>The training app as a user types it: <c>train-stance --data x.csv --output dir</c>.</summary>
    public static TrainingResult App(params string[] args) => Capture((console, error) => TrainingApp.Run(args, console, error));

    private static TrainingResult Capture(Func<IAnsiConsole, TextWriter, int> run, StringWriter? error = null)
    {
        var output = new StringWriter { NewLine = "\n" };
        error ??= new StringWriter { NewLine = "\n" };
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

/// <summary>A captured stderr that calls <paramref name="press"/> on the <paramref name="nth"/> line containing <paramref name="trigger"/>.</summary>
internal sealed class InterruptingWriter(string trigger, int nth, Action press) : StringWriter
{
    private int _seen;

    public override void WriteLine(string? value)
    {
        base.WriteLine(value);
        if (value is not null && value.Contains(trigger, StringComparison.Ordinal) && ++_seen == nth) press();
    }
}
