using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/NewsStance.Bench -- --filter '*'
// (any BenchmarkDotNet option works: --job short, --filter '*Quote*', --list flat, ...)
BenchmarkSwitcher.FromAssembly(typeof(NewsStance.Bench.PipelineBenchmarks).Assembly).Run(args);
