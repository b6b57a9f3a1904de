using System.Security.Cryptography;
using System.Text;

namespace NewsStance.Training.Data;

/// <summary>
/// The training-data folder: articles/, quotes.csv, stance.csv (spec/OUTPUT.md §3). Loading checks
/// every row; <see cref="Errors"/> lists what is wrong, by file:line:column.
/// </summary>
internal sealed class Corpus
{
    public static readonly HashSet<string> Labels = ["favor", "against", "neutral"];

    public required string Directory { get; init; }
    public required Dictionary<string, string> Articles { get; init; }
    public required List<GoldQuote> Quotes { get; init; }
    public required List<StanceExample> Stance { get; init; }
    public required List<DataError> Errors { get; init; }
    /// <summary>article id → train/test from split.csv (absent: everything is train).</summary>
    public required Dictionary<string, string> Splits { get; init; }

    public bool IsTest(string articleOrGroup) => Splits.TryGetValue(articleOrGroup, out var s) && s == "test";

    public static Corpus Load(string dir)
    {
        var errors = new List<DataError>();
        var articles = new Dictionary<string, string>(StringComparer.Ordinal);
        var articleDir = Path.Combine(dir, "articles");
        if (!System.IO.Directory.Exists(articleDir))
            errors.Add(new DataError(articleDir, 0, 0, "articles/ folder is missing"));
        else
            foreach (var f in System.IO.Directory.EnumerateFiles(articleDir, "*.txt").Order(StringComparer.Ordinal))
            {
                var text = File.ReadAllText(f, new UTF8Encoding(false));
                if (text.Length > 0 && text[0] == '\uFEFF') text = text[1..];
                articles[Path.GetFileNameWithoutExtension(f)] = text;
            }
        var quotes = new List<GoldQuote>();
        var quotesPath = Path.Combine(dir, "quotes.csv");
        if (File.Exists(quotesPath))
        {
            var (q, e) = QuotesCsv.Read(quotesPath, articles);
            quotes = q;
            errors.AddRange(e);
        }
        else errors.Add(new DataError(quotesPath, 0, 0, "quotes.csv is missing"));
        var cues = quotes.ToDictionary(q => q.QuoteId, q => q.Cue);
        var stance = new List<StanceExample>();
        var stancePath = Path.Combine(dir, "stance.csv");
        if (File.Exists(stancePath))
        {
            var (s, e) = StanceCsv.Read(stancePath, Labels, cues);
            stance = s;
            errors.AddRange(e);
        }
        else errors.Add(new DataError(stancePath, 0, 0, "stance.csv is missing"));
        var splits = new Dictionary<string, string>();
        var splitPath = Path.Combine(dir, "split.csv");
        if (File.Exists(splitPath))
        {
            var (records, e) = CsvTable.Read(splitPath, ["article_id", "split"]);
            errors.AddRange(e);
            foreach (var r in records)
            {
                var sp = r.Get("split");
                if (sp is not ("train" or "test")) errors.Add(r.Error("split", $"split must be train or test, not '{sp}'"));
                else splits[r.Get("article_id")] = sp;
            }
        }
        return new Corpus { Directory = dir, Articles = articles, Quotes = quotes, Stance = stance, Errors = errors, Splits = splits };
    }

    /// <summary>SHA-256 over every file that training reads, in a fixed order.</summary>
    public static string Hash(string dir, IEnumerable<string>? extraFiles = null)
    {
        using var sha = SHA256.Create();
        var files = new List<string>();
        foreach (var name in new[] { "quotes.csv", "stance.csv", "split.csv" })
            if (File.Exists(Path.Combine(dir, name))) files.Add(Path.Combine(dir, name));
        var articleDir = Path.Combine(dir, "articles");
        if (System.IO.Directory.Exists(articleDir)) files.AddRange(System.IO.Directory.EnumerateFiles(articleDir, "*.txt").Order(StringComparer.Ordinal));
        files.AddRange(extraFiles ?? []);
        foreach (var f in files)
        {
            var name = Encoding.UTF8.GetBytes(Path.GetFileName(f));
            sha.TransformBlock(name, 0, name.Length, null, 0);
            var bytes = File.ReadAllBytes(f);
            sha.TransformBlock(bytes, 0, bytes.Length, null, 0);
        }
        sha.TransformFinalBlock([], 0, 0);
        return Convert.ToHexStringLower(sha.Hash!);
    }
}
