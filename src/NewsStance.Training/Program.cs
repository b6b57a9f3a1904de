using System.Runtime.InteropServices;
using NewsStance.Training;
using NewsStance.Training.Models;
using Spectre.Console;

// Ctrl+C or SIGTERM while the encoder fine-tunes stops it after the step in hand, with a checkpoint to resume from;
// otherwise (or a second time) the process ends as usual.
var interruption = new Interruption();
void Stopping() => Console.Error.WriteLine($"{TrainingApp.Name}: stopping after this step to save a checkpoint (again to quit at once)");
Console.CancelKeyPress += (_, e) =>
{
    if (!interruption.TryRequest(Interruption.SigintExit)) return;
    e.Cancel = true;
    Stopping();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
{
    if (!interruption.TryRequest(Interruption.SigtermExit)) return;
    context.Cancel = true;
    Stopping();
});
return TrainingApp.Run(args, AnsiConsole.Console, Console.Error, interruption);
