using NewsStance.Training;
using NewsStance.Training.Models;
using Spectre.Console;

// Ctrl+C while the encoder fine-tunes stops it after the step in hand, with a checkpoint to resume from; otherwise
// (or pressed twice) it ends the process as usual.
var interruption = new Interruption();
Console.CancelKeyPress += (_, e) =>
{
    if (!interruption.TryRequest()) return;
    e.Cancel = true;
    Console.Error.WriteLine($"{TrainingApp.Name}: stopping after this step to save a checkpoint (Ctrl+C again to quit at once)");
};
return TrainingApp.Run(args, AnsiConsole.Console, Console.Error, interruption);
