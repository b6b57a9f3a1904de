using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using NewsStance.Internal.Models;

namespace NewsStance.Internal.Speakers;

/// <summary>
/// The trained LambdaMART ranker from <c>speaker.zip</c>. Scoring walks the ensemble's trees directly
/// (they are read from the ML.NET model on load and checked against ML.NET's own prediction), which
/// keeps attribution at thousands of articles per second; any mismatch falls back to ML.NET.
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
        for (int i = 0; i < scores.Length; i++) scores[i] = _fallback?.Invoke(candidates[i]) ?? ScoreOne(candidates[i]);
        return scores;
    }

    private float ScoreOne(float[] f)
    {
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
