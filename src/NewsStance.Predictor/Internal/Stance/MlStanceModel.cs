using Microsoft.ML;
using Microsoft.ML.Data;
using NewsStance.Internal.Models;

namespace NewsStance.Internal.Stance;

/// <summary>The trained multiclass stance model from <c>stance.zip</c>, with pooled prediction engines.</summary>
internal sealed class MlStanceModel : IStanceModel, IDisposable
{
    private readonly EnginePool<StanceRow, StancePrediction> _pool;

    private MlStanceModel(EnginePool<StanceRow, StancePrediction> pool, string[] labels)
    {
        _pool = pool;
        Labels = labels;
    }

    public IReadOnlyList<string> Labels { get; }

    public void Dispose() => _pool.Dispose();

    public static MlStanceModel Load(MLContext ml, string path)
    {
        var model = ml.Model.Load(path, out _);
        return FromTransformer(ml, model);
    }

    public static MlStanceModel FromTransformer(MLContext ml, ITransformer model)
    {
        // The score vector's slots are named by the label keys, in key order. They are read from the first engine's
        // output schema (the engine the first quote would make anyway): a schema pass of its own cost start-up ~0.05 s.
        var first = ml.Model.CreatePredictionEngine<StanceRow, StancePrediction>(model);
        var pool = new EnginePool<StanceRow, StancePrediction>(() => ml.Model.CreatePredictionEngine<StanceRow, StancePrediction>(model), first);
        VBuffer<ReadOnlyMemory<char>> names = default;
        first.OutputSchema["Score"].GetSlotNames(ref names);
        var labels = names.DenseValues().Select(n => n.ToString()).ToArray();
        return new MlStanceModel(pool, labels);
    }

    public StanceResult[] Predict(IReadOnlyList<StanceInput> inputs)
    {
        var results = new StanceResult[inputs.Count];
        for (int i = 0; i < inputs.Count; i++)
        {
            var x = inputs[i];
            var row = StanceFeaturizer.Build(x.Text, x.Target, x.MentionStart, x.MentionEnd, x.CueLemma);
            results[i] = ToResult(x.Target, _pool.Predict(row));
        }
        return results;
    }

    /// <summary>Scores one prepared row (used by evaluate).</summary>
    public (string Label, float[] Scores) PredictRow(StanceRow row)
    {
        var p = _pool.Predict(row);
        return (p.PredictedLabel, p.Score);
    }

    private StanceResult ToResult(string target, StancePrediction p)
    {
        var scores = new Dictionary<string, double>(Labels.Count);
        int best = 0;
        for (int k = 0; k < Labels.Count && k < p.Score.Length; k++)
        {
            scores[Labels[k]] = Math.Round(p.Score[k], 3);
            if (p.Score[k] > p.Score[best]) best = k;
        }
        return new StanceResult(target, Labels[best], Math.Round(p.Score[best], 3), scores);
    }
}
