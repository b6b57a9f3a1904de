using System.Reflection;
using System.Text;

namespace NewsStance.Bench;

/// <summary>
/// Benchmark inputs built from the project's own sample articles (samples/*.txt, embedded):
/// a typical wire article of about 500 words, and a long one of about 50 KB. Both keep the wire
/// header (<c> date … CITY (Outlet) - </c>) so the reader's header path is measured too.
/// </summary>
public static class BenchArticles
{
    public const string Typical = "typical-500w";
    public const string Long = "long-50KB";

    public static string Get(string name) => name switch
    {
        Typical => Build(targetWords: 500, targetChars: 0),
        Long => Build(targetWords: 0, targetChars: 50 * 1024),
        _ => throw new ArgumentException($"unknown benchmark article '{name}'; use {Typical} or {Long}", nameof(name)),
    };

    /// <summary>Header of the first sample, then body paragraphs of all samples in turn until the target size.</summary>
    private static string Build(int targetWords, int targetChars)
    {
        var samples = LoadSamples();
        var first = samples[0];
        int bodyStart = first.IndexOf(" - ", StringComparison.Ordinal) + 3;
        var header = first[..bodyStart];
        var paragraphs = samples
            .SelectMany(s => s[(s.IndexOf(" - ", StringComparison.Ordinal) + 3)..].Split("\n\n", StringSplitOptions.RemoveEmptyEntries))
            .Select(p => p.Trim())
            .Where(p => p.Length > 0)
            .ToList();

        var sb = new StringBuilder(header);
        int words = 0;
        for (int i = 0; ; i++)
        {
            var p = paragraphs[i % paragraphs.Count];
            if (i > 0) sb.Append("\n\n");
            sb.Append(p);
            words += p.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;
            if (targetWords > 0 && words >= targetWords) break;
            if (targetChars > 0 && sb.Length >= targetChars) break;
        }
        sb.Append('\n');
        return sb.ToString();
    }

    private static List<string> LoadSamples()
    {
        var asm = Assembly.GetExecutingAssembly();
        var names = asm.GetManifestResourceNames().Where(n => n.StartsWith("samples/", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        // The grain-corridor sample first: its header heads the built article.
        names.Sort((a, b) => (b.Contains("grain-corridor") ? 1 : 0) - (a.Contains("grain-corridor") ? 1 : 0));
        if (names.Count == 0) throw new InvalidOperationException("No samples/*.txt embedded; build from the repository so ../../samples exists.");
        return names.Select(n =>
        {
            using var s = asm.GetManifestResourceStream(n)!;
            using var r = new StreamReader(s, Encoding.UTF8);
            return r.ReadToEnd().Replace("\r\n", "\n");
        }).ToList();
    }
}
