using NewsStance.Cli.Internal;

return CliApp.Run(args, Console.Out, Console.Error, Console.OpenStandardInput, Console.OpenStandardOutput);
