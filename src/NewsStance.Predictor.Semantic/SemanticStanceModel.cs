using Microsoft.ML;
using Microsoft.ML.Data;
using NewsStance.Internal.Models;
using NewsStance.Internal.Stance;

namespace NewsStance.Semantic;

/// <summary>
/// A stance model over n-gram and sentence-embedding features: each <see cref="Predict"/> call embeds
/// all of its inputs' texts in one batched call, then runs the saved ML.NET pipeline on pooled engines.
/// Thread-safe.
/// </summary>
internal sealed class SemanticStanceModel : IStanceModel, IDisposable
{
    private readonly EnginePool<SemanticStanceRow, StancePrediction> _pool;

    private SemanticStanceModel(EnginePool<SemanticStanceRow, StancePrediction> pool, SemanticFeaturizer featurizer, string[] labels)
    {
        _pool = pool;
        Featurizer = featurizer;
        Labels = labels;
    }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>Disposes the pooled engines; the sentence encoder is shared by the process and stays loaded.</summary>
    public void Dispose() => _pool.Dispose();

    public SemanticFeaturizer Featurizer { get; }

    public static SemanticStanceModel FromTransformer(MLContext ml, ITransformer model, SemanticFeaturizer featurizer)
        => FromTransformer(ml, model, featurizer.Size, () => featurizer);

    /// <summary>
    /// The model over <paramref name="model"/>, whose rows carry <paramref name="size"/> semantic floats. The prediction
    /// engines are set up, and one is built and run on a blank row (its construction and JIT would otherwise fall on
    /// the first article), before <paramref name="featurizer"/> is asked for: the loader starts the sentence encoder,
    /// the longest step of a load, on another thread meanwhile.
    /// </summary>
    public static SemanticStanceModel FromTransformer(MLContext ml, ITransformer model, int size, Func<SemanticFeaturizer> featurizer)
    {
        var schemaDefinition = SemanticStanceRow.Schema(size);
        PredictionEngine<SemanticStanceRow, StancePrediction> Create()
            => ml.Model.CreatePredictionEngine<SemanticStanceRow, StancePrediction>(model, inputSchemaDefinition: schemaDefinition);
        // As MlStanceModel: the labels are read from the first engine's output schema, and the pool starts with it.
        var first = Create();
        var pool = new EnginePool<SemanticStanceRow, StancePrediction>(Create, first);
        VBuffer<ReadOnlyMemory<char>> names = default;
        first.OutputSchema["Score"].GetSlotNames(ref names);
        var blank = StanceFeaturizer.Build("", null, 0, 0, null);
        pool.Predict(new SemanticStanceRow
        {
            Text = blank.Text, Window = blank.Window, Negated = blank.Negated, Cue = blank.Cue, Polarity = blank.Polarity,
            Semantic = new float[size],
        });
        return new SemanticStanceModel(pool, featurizer(), names.DenseValues().Select(n => n.ToString()).ToArray());
    }

    public StanceResult[] Predict(IReadOnlyList<StanceInput> inputs)
    {
        var scored = PredictScores(inputs.Select(x => new SemanticInput(x.Text, x.Target, x.MentionStart, x.MentionEnd, x.CueLemma)).ToList());
        var results = new StanceResult[inputs.Count];
        for (int i = 0; i < inputs.Count; i++)
        {
            var s = scored[i].Scores;
            var scores = new Dictionary<string, double>(Labels.Count);
            int best = 0;
            for (int k = 0; k < Labels.Count && k < s.Length; k++)
            {
                scores[Labels[k]] = Math.Round(s[k], 3);
                if (s[k] > s[best]) best = k;
            }
            results[i] = new StanceResult(inputs[i].Target, Labels[best], Math.Round(s[best], 3), scores);
        }
        return results;
    }

    /// <summary>The predicted label and the score per label (in <see cref="Labels"/> order) of each input.</summary>
    public (string Label, float[] Scores)[] PredictScores(IReadOnlyList<SemanticInput> inputs)
    {
        if (inputs.Count == 0) return [];
        var rows = Featurizer.Build(inputs);
        var results = new (string, float[])[rows.Length];
        for (int i = 0; i < rows.Length; i++)
        {
            var p = _pool.Predict(rows[i]);
            results[i] = (p.PredictedLabel, p.Score);
        }
        return results;
    }
}
