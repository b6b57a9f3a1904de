using NewsStance.Training;
using Spectre.Console;

return TrainingApp.Run(args, AnsiConsole.Console, Console.Error);
