using System.Text;
using NewsStance.Semantic;

namespace NewsStance.Training.Models;

/// <summary>
/// Keeps sentence vectors on disk between training runs, so re-training with other settings does not
/// re-encode the corpus. Opt-in: set <see cref="EnvironmentVariable"/> to a folder. One file per
/// encoder and token limit; the text itself is the key, so an edited row is simply encoded anew.
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
        return new EmbeddingCache(inner, Path.Combine(dir, $"{inner.Model.Features}-{inner.MaxTokens}.bin"));
    }

    public int Dimension => _inner.Dimension;

    public float[][] Embed(IReadOnlyList<string> texts)
    {
        var result = new float[texts.Count][];
        var missing = new List<int>();
        lock (_lock)
        {
            for (int i = 0; i < texts.Count; i++)
                if (_vectors.TryGetValue(texts[i], out var v)) result[i] = v; else missing.Add(i);
        }
        if (missing.Count == 0) return result;
        var fresh = _inner.Embed(missing.Select(i => texts[i]).ToList());
        lock (_lock)
        {
            using var writer = new BinaryWriter(new FileStream(_path, FileMode.Append, FileAccess.Write), Encoding.UTF8);
            for (int j = 0; j < missing.Count; j++)
            {
                result[missing[j]] = fresh[j];
                if (!_vectors.TryAdd(texts[missing[j]], fresh[j])) continue;
                writer.Write(texts[missing[j]]);
                foreach (var x in fresh[j]) writer.Write(x);
            }
        }
        return result;
    }
}
