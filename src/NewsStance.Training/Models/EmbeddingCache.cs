using System.Text;
using NewsStance.Semantic;

namespace NewsStance.Training.Models;

/// <summary>
/// Keeps sentence vectors on disk between training runs, so re-training with other settings does not
/// re-encode the corpus. Opt-in: set <see cref="EnvironmentVariable"/> to a folder. One file per
/// encoder, layers run, token limit and precision; the text itself is the key (a span's key adds its offsets), so an edited row is
/// simply encoded anew.
/// </summary>
internal sealed class EmbeddingCache : ITextEmbedder
{
    public const string EnvironmentVariable = "NEWSSTANCE_EMBEDDING_CACHE";

    private readonly SentenceEmbedder _inner;
    private readonly string _path;
    private readonly Dictionary<string, float[]> _vectors = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    private EmbeddingCache(SentenceEmbedder inner, string path)
    {
        _inner = inner;
        _path = path;
        if (!File.Exists(path)) return;
        try
        {
            using var reader = new BinaryReader(File.OpenRead(path), Encoding.UTF8);
            while (reader.BaseStream.Position < reader.BaseStream.Length)
            {
                var text = reader.ReadString();
                var v = new float[inner.Dimension];
                for (int k = 0; k < v.Length; k++) v[k] = reader.ReadSingle();
                _vectors[text] = v;
            }
        }
        catch (EndOfStreamException) { } // a run cut short: keep what was read
    }

    /// <summary>The embedder to train with: <paramref name="inner"/>, behind a disk cache when the environment asks for one.</summary>
    public static ITextEmbedder Wrap(SentenceEmbedder inner)
    {
        var dir = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (string.IsNullOrWhiteSpace(dir)) return inner;
        Directory.CreateDirectory(dir);
        return new EmbeddingCache(inner, Path.Combine(dir, $"{inner.Model.Features}-L{inner.Layers}-{inner.MaxTokens}-{SentenceEmbedder.Precision}.bin"));
    }

    public int Dimension => _inner.Dimension;

    public (float[][] Texts, float[][] Spans) Embed(IReadOnlyList<string> texts, IReadOnlyList<WordSpan> spans)
    {
        var result = new float[texts.Count][];
        var spanResult = new float[spans.Count][];
        var spanKeys = spans.Select(s => $"{texts[s.Text]}\u0001{s.Start},{s.End},{s.SkipStart},{s.SkipEnd}").ToArray();
        var missing = new HashSet<int>();
        lock (_lock)
        {
            for (int i = 0; i < texts.Count; i++)
                if (_vectors.TryGetValue(texts[i], out var v)) result[i] = v; else missing.Add(i);
            for (int j = 0; j < spans.Count; j++)
                if (_vectors.TryGetValue(spanKeys[j], out var v)) spanResult[j] = v; else missing.Add(spans[j].Text);
        }
        if (missing.Count == 0) return (result, spanResult);
        // Encode again every text that lacks its own vector or one of its spans' vectors.
        var order = missing.Order().ToList();
        var at = order.Select((t, k) => (t, k)).ToDictionary(p => p.t, p => p.k);
        var missingSpans = Enumerable.Range(0, spans.Count).Where(j => at.ContainsKey(spans[j].Text)).ToList();
        var (fresh, freshSpans) = _inner.Embed(order.Select(i => texts[i]).ToList(),
            missingSpans.Select(j => spans[j] with { Text = at[spans[j].Text] }).ToList());
        lock (_lock)
        {
            using var writer = new BinaryWriter(new FileStream(_path, FileMode.Append, FileAccess.Write), Encoding.UTF8);
            void Keep(string key, float[] v)
            {
                if (!_vectors.TryAdd(key, v)) return;
                writer.Write(key);
                foreach (var x in v) writer.Write(x);
            }
            for (int k = 0; k < order.Count; k++) Keep(texts[order[k]], result[order[k]] = fresh[k]);
            for (int k = 0; k < missingSpans.Count; k++) Keep(spanKeys[missingSpans[k]], spanResult[missingSpans[k]] = freshSpans[k]);
        }
        return (result, spanResult);
    }
}
