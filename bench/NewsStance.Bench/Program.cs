using System.Diagnostics;
using BenchmarkDotNet.Running;
using NewsStance;

// dotnet run -c Release --project bench/NewsStance.Bench -- --filter '*'
// (any BenchmarkDotNet option works: --job short, --filter '*Quote*', --list flat, ...)
//
// dotnet run -c Release --project bench/NewsStance.Bench -- corpus DIR [--passes N]
// scores every *.txt in DIR in this process, one thread, rules-only, and prints the time per article
// for each block of 500 articles: how the cost per article changes as the JIT warms up.
if (args is ["corpus", var dir, ..])
{
    int passes = args is [_, _, "--passes", var p, ..] ? int.Parse(p) : 1;
    var texts = Directory.GetFiles(dir, "*.txt").Order(StringComparer.Ordinal).Select(f => (Path.GetFileNameWithoutExtension(f), File.ReadAllText(f))).ToList();
    using var scorer = NewsScorer.Create(new ScorerOptions { RulesOnly = true });
    var total = Stopwatch.StartNew();
    var block = Stopwatch.StartNew();
    int n = 0;
    for (int pass = 0; pass < passes; pass++)
        foreach (var (id, text) in texts)
        {
            scorer.Score(id, text);
            if (++n % 500 == 0)
            {
                Console.WriteLine($"articles {n - 499,6}-{n,-6} {block.Elapsed.TotalMilliseconds / 500:0.000} ms/article");
                block.Restart();
            }
        }
    Console.WriteLine($"{n} articles in {total.Elapsed.TotalSeconds:0.00} s: {n / total.Elapsed.TotalSeconds:0} articles/s, "
        + $"{total.Elapsed.TotalMilliseconds / n:0.000} ms/article (process CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.00} s)");
    return;
}
BenchmarkSwitcher.FromAssembly(typeof(NewsStance.Bench.PipelineBenchmarks).Assembly).Run(args);
