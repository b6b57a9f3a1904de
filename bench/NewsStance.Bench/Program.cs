using System.Diagnostics;
using BenchmarkDotNet.Running;
using NewsStance;

// dotnet run -c Release --project bench/NewsStance.Bench -- --filter '*'
// (any BenchmarkDotNet option works: --job short, --filter '*Quote*', --list flat, ...)
//
// dotnet run -c Release --project bench/NewsStance.Bench -- corpus DIR [--passes N] [--threads T]
// scores every *.txt in DIR in this process (rules-only, no output), N times over, on T threads, and
// prints the time per article for each block of 1000 articles (how the cost falls as the JIT warms
// up), then articles/s and the process's CPU use (100% per busy core: does a second thread help?).
//
// dotnet run -c Release --project bench/NewsStance.Bench -- long [--sizes 10,100,500,2048] [--limit S] [--shapes a,b]
// times each stage on long inputs of several shapes (LongInputs) and prints ms per KB side by side.
if (args.Length > 0 && args[0] == "long")
{
    int[] sizes = Value("--sizes") is { } s ? s.Split(',').Select(int.Parse).ToArray() : [10, 50, 200, 800, 2048];
    double limit = Value("--limit") is { } l ? double.Parse(l, System.Globalization.CultureInfo.InvariantCulture) : 60;
    string[] shapes = Value("--shapes") is { } sh ? sh.Split(',') : NewsStance.Bench.LongInputs.Shapes;
    return NewsStance.Bench.LongInputRun.Run(sizes, limit, shapes);

    string? Value(string name)
    {
        int i = Array.IndexOf(args, name);
        return i > 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
if (args.Length > 0 && args[0] == "corpus")
{
    if (args.Length < 2) { Console.Error.WriteLine("usage: corpus DIR [--passes N] [--threads T]"); return 2; }
    int passes = Option("--passes", 1), threads = Option("--threads", 1);
    var texts = Directory.GetFiles(args[1], "*.txt").Order(StringComparer.Ordinal)
        .Select(f => (Id: Path.GetFileNameWithoutExtension(f), Text: File.ReadAllText(f))).ToList();
    var work = Enumerable.Range(0, passes).SelectMany(_ => texts).ToList();
    using var scorer = NewsScorer.Create(new ScorerOptions { RulesOnly = true });
    var process = Process.GetCurrentProcess();
    // Control on a shared machine: what CPU do T plain busy threads get right now?
    Console.WriteLine($"control: {threads} busy thread(s) for 1 s got CPU {BusyControl(process, threads):0}%");
    var cpu0 = process.TotalProcessorTime;
    var total = Stopwatch.StartNew();
    var block = Stopwatch.StartNew();
    int done = 0;
    object gate = new();
    Parallel.ForEach(work, new ParallelOptions { MaxDegreeOfParallelism = threads }, a =>
    {
        scorer.Score(a.Id, a.Text);
        int n = Interlocked.Increment(ref done);
        if (n % 1000 == 0)
            lock (gate)
            {
                Console.WriteLine($"articles {n - 999,6}-{n,-6} {block.Elapsed.TotalMilliseconds / 1000:0.000} ms/article (wall)");
                block.Restart();
            }
    });
    total.Stop();
    process.Refresh();
    double cpu = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
    Console.WriteLine($"{done} articles on {threads} thread(s) in {total.Elapsed.TotalSeconds:0.00} s: {done / total.Elapsed.TotalSeconds:0} articles/s, "
        + $"CPU {cpu / total.Elapsed.TotalMilliseconds * 100:0}%, {cpu / done:0.000} CPU ms/article");
    return 0;

    static double BusyControl(Process process, int threads)
    {
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var wall = Stopwatch.StartNew();
        var busy = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            var sw = Stopwatch.StartNew();
            double x = 1;
            while (sw.ElapsedMilliseconds < 1000) x = Math.Sqrt(x + 1);
            GC.KeepAlive(x);
        })).ToList();
        busy.ForEach(t => t.Start());
        busy.ForEach(t => t.Join());
        process.Refresh();
        return (process.TotalProcessorTime - cpu0).TotalMilliseconds / wall.Elapsed.TotalMilliseconds * 100;
    }

    int Option(string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i > 0 && i + 1 < args.Length && int.TryParse(args[i + 1], out var v) && v > 0 ? v : fallback;
    }
}
BenchmarkSwitcher.FromAssembly(typeof(NewsStance.Bench.PipelineBenchmarks).Assembly).Run(args);
return 0;
