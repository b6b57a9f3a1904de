using Microsoft.Extensions.Logging;
using NewsStance;

// Embeds NewsStance in a console app: scores the example articles (or the files given) in parallel and prints who
// said what, with the stance toward the people and organisations each quote names.
//   dotnet run --project samples/NewsStance.ConsoleSample -- [--model DIR] [FILE...]
string? model = null;
var files = new List<string>();
for (int i = 0; i < args.Length; i++)
{
    if (args[i] == "--model" && i + 1 < args.Length) model = args[++i];
    else files.Add(args[i]);
}
if (files.Count == 0)
    files.AddRange(Directory.GetFiles(Above("samples"), "*.txt").Order(StringComparer.Ordinal));

using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) => { e.Cancel = true; cancel.Cancel(); };

// The scorer loads the bundle once and is shared; models/default needs the semantic stance model registered.
using var scorer = NewsScorer.Create(new ScorerOptions { ModelDirectory = model ?? Above("models/default"), LoggerFactory = logging }.UseSemanticStance());

var articles = files.Select(f => new ArticleText(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f)));
int failed = 0;
foreach (var outcome in scorer.TryScoreBatch(articles, cancellationToken: cancel.Token))
{
    if (!outcome.Succeeded)
    {
        failed++;
        Console.Error.WriteLine(outcome.Error.Message);
        continue;
    }
    var result = outcome.Result;
    Console.WriteLine($"{result.ArticleId} ({result.Date ?? "no date"}, {result.Dateline ?? "no dateline"}): {result.Quotes.Count} quotes");
    foreach (var quote in result.Quotes)
    {
        var stance = string.Join(", ", quote.Stance.Select(s => $"{s.Label} toward {s.Target}"));
        Console.WriteLine($"  {quote.Speaker?.Name ?? "(no speaker)"}: \"{quote.Text}\"{(stance.Length > 0 ? $" [{stance}]" : "")}");
    }
}
return failed == 0 ? 0 : 1;

// A folder of the repository (samples/, models/default), found above the program (it is built to artifacts/samples/).
static string Above(string folder)
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        var candidate = Path.Combine(dir.FullName, folder);
        if (Directory.Exists(candidate)) return candidate;
    }
    throw new DirectoryNotFoundException($"No {folder}/ above the program: give --model DIR and article files.");
}
