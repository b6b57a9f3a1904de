using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using NewsStance.Internal.Models;

namespace NewsStance.Internal.Speakers;

/// <summary>
/// The trained LambdaMART ranker from <c>speaker.zip</c>. Scoring walks the ensemble's trees directly
/// (they are read from the ML.NET model on load and checked against ML.NET's own prediction), which
/// keeps attribution at thousands of articles per second; any mismatch falls back to ML.NET. Checked trees are
/// kept in the model cache (<see cref="ModelCache"/>), from which a later process reads them without ML.NET.
/// </summary>
internal sealed class FastTreeSpeakerScorer : ISpeakerScorer, IDisposable
{
    private readonly Tree[]? _trees;
    private readonly double _bias;
    private readonly Func<float[], float>? _fallback;
    private readonly IDisposable? _pool;

    private sealed record Tree(int[] Left, int[] Right, int[] Feature, float[] Threshold, double[] Leaf, double Weight);

    private FastTreeSpeakerScorer(Tree[]? trees, double bias, Func<float[], float>? fallback, IDisposable? pool = null)
    {
        _trees = trees;
        _bias = bias;
        _fallback = fallback;
        _pool = pool;
    }

    public void Dispose() => _pool?.Dispose();

    public string Name => "FastTree LambdaMART";

    public static FastTreeSpeakerScorer Load(MLContext ml, string path) => FromTransformer(ml, ml.Model.Load(path, out _));

    /// <summary>The version of the cached trees' layout (<see cref="WriteTrees"/>).</summary>
    private const int TreesVersion = 1;

    /// <summary>Loads the ranker in <paramref name="path"/>: its trees from <paramref name="cache"/> when it holds them, else from ML.NET (and cached when they check).</summary>
    public static FastTreeSpeakerScorer Load(string path, ModelCache cache)
    {
        var fileName = ModelCache.FileName(path, "speaker-fasttree", TreesVersion);
        if (cache.TryRead(fileName, ReadTrees) is { } cached) return cached;
        var loaded = Load(new MLContext(seed: 0), path);
        if (loaded._trees is not null) cache.TryWrite(fileName, loaded.WriteTrees);
        return loaded;
    }

    private void WriteTrees(BinaryWriter writer)
    {
        writer.Write(_bias);
        writer.Write(_trees!.Length);
        foreach (var t in _trees)
        {
            writer.Write(t.Weight);
            writer.Write(t.Leaf.Length);
            foreach (var leaf in t.Leaf) writer.Write(leaf);
            writer.Write(t.Left.Length);
            for (int i = 0; i < t.Left.Length; i++)
            {
                writer.Write(t.Left[i]);
                writer.Write(t.Right[i]);
                writer.Write(t.Feature[i]);
                writer.Write(t.Threshold[i]);
            }
        }
    }

    private static FastTreeSpeakerScorer ReadTrees(BinaryReader reader)
    {
        double bias = reader.ReadDouble();
        var trees = new Tree[CacheFileArrays.Count(reader)];
        for (int k = 0; k < trees.Length; k++)
        {
            double weight = reader.ReadDouble();
            var leaf = new double[CacheFileArrays.Count(reader)];
            for (int i = 0; i < leaf.Length; i++) leaf[i] = reader.ReadDouble();
            int nodes = CacheFileArrays.Count(reader);
            var (left, right, feature, threshold) = (new int[nodes], new int[nodes], new int[nodes], new float[nodes]);
            for (int i = 0; i < nodes; i++)
            {
                (left[i], right[i], feature[i], threshold[i]) = (reader.ReadInt32(), reader.ReadInt32(), reader.ReadInt32(), reader.ReadSingle());
                // A walk must stay inside the tree and the feature vector, whatever the file holds.
                if (feature[i] < 0 || feature[i] >= SpeakerFeatures.Count || left[i] >= nodes || right[i] >= nodes || ~left[i] >= leaf.Length || ~right[i] >= leaf.Length)
                    throw new InvalidDataException($"tree {k} node {i} points outside the tree");
            }
            trees[k] = new Tree(left, right, feature, threshold, leaf, weight);
        }
        return new FastTreeSpeakerScorer(trees, bias, null);
    }

    public static FastTreeSpeakerScorer FromTransformer(MLContext ml, ITransformer model)
    {
        var parameters = FindParameters(model) ?? throw new InvalidDataException("speaker.zip holds no FastTree ranking model");
        var ensemble = parameters.TrainedTreeEnsemble;
        var trees = ensemble.Trees.Select((t, i) => new Tree(
            t.LeftChild.ToArray(), t.RightChild.ToArray(), t.NumericalSplitFeatureIndexes.ToArray(),
            t.NumericalSplitThresholds.ToArray(), t.LeafValues.ToArray(), ensemble.TreeWeights[i])).ToArray();
        var direct = new FastTreeSpeakerScorer(trees, ensemble.Bias, null);
        // Check the tree walk against ML.NET on a few vectors before trusting it.
        var engine = ml.Model.CreatePredictionEngine<SpeakerRow, SpeakerScore>(model);
        var random = new Random(7);
        bool same = true;
        for (int k = 0; k < 50 && same; k++)
        {
            var f = new float[SpeakerFeatures.Count];
            for (int j = 0; j < f.Length; j++) f[j] = random.Next(3) == 0 ? 0 : (float)(random.NextDouble() * 4 - 1);
            float expected = engine.Predict(new SpeakerRow { Features = f }).Score;
            same = Math.Abs(expected - direct.ScoreOne(f)) < 1e-3 * Math.Max(1, Math.Abs(expected));
        }
        engine.Dispose();
        if (same) return direct;
        var pool = new EnginePool<SpeakerRow, SpeakerScore>(() => ml.Model.CreatePredictionEngine<SpeakerRow, SpeakerScore>(model));
        return new FastTreeSpeakerScorer(null, 0, f => pool.Predict(new SpeakerRow { Features = f }).Score, pool);
    }

    private static FastTreeRankingModelParameters? FindParameters(ITransformer model)
    {
        if (model is ISingleFeaturePredictionTransformer<FastTreeRankingModelParameters> p) return p.Model;
        if (model is IEnumerable<ITransformer> chain)
            foreach (var t in chain.Reverse()) if (FindParameters(t) is { } found) return found;
        return null;
    }

    public float[] Score(IReadOnlyList<float[]> candidates)
    {
        var scores = new float[candidates.Count];
        for (int i = 0; i < scores.Length; i++) scores[i] = ScoreOne(candidates[i]);
        return scores;
    }

    public float ScoreOne(ReadOnlySpan<float> f)
    {
        // ML.NET's engine (when the tree walk did not check out) takes an array of its own.
        if (_fallback is not null) return _fallback(f.ToArray());
        double sum = _bias;
        foreach (var t in _trees!)
        {
            int node = 0;
            if (t.Leaf.Length > 1)
                while (node >= 0) node = f[t.Feature[node]] <= t.Threshold[node] ? t.Left[node] : t.Right[node];
            else node = ~0;
            sum += t.Weight * t.Leaf[~node];
        }
        return (float)sum;
    }
}
