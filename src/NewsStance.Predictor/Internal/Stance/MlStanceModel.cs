using Microsoft.ML;
using Microsoft.ML.Data;
using NewsStance.Internal.Models;

namespace NewsStance.Internal.Stance;

/// <summary>
/// The trained n-gram multiclass stance model from <c>stance.zip</c>. Quotes are scored by
/// <see cref="LinearStanceScorer"/>, the same model in plain C# with ML.NET's arithmetic, whose tables come from the
/// model cache (<see cref="ModelCache"/>) when it holds them: then ML.NET is not loaded at all, unless a text needs
/// it. Otherwise the tables are read from the ML.NET chain, checked against ML.NET's engine to the bit on probe rows,
/// and cached for the next process. ML.NET's pooled prediction engines score the texts the C# scorer declines
/// (characters outside its exact set), and every text when the chain is of a shape it does not know.
/// </summary>
internal sealed class MlStanceModel : IStanceModel, IDisposable
{
    /// <summary>What the cache file is called apart from the bundle file's hash (<see cref="ModelCache.FileName"/>).</summary>
    private const string CacheKind = "stance-ngram";

    private readonly LinearStanceScorer? _linear;
    private readonly Lazy<EnginePool<StanceRow, StancePrediction>> _pool;
    // The C# scorer's working memory, lent to one article at a time: its slot counts (half a megabyte) are kept, not reallocated per article.
    private readonly Stack<NgramBuffers> _buffers = [];

    private MlStanceModel(string[] labels, LinearStanceScorer? linear, Lazy<EnginePool<StanceRow, StancePrediction>> pool, string? fallbackReason)
    {
        Labels = labels;
        _linear = linear;
        _pool = pool;
        FallbackReason = fallbackReason;
    }

    public IReadOnlyList<string> Labels { get; }

    /// <summary>Whether quotes are scored by <see cref="LinearStanceScorer"/> (else by ML.NET's prediction engine).</summary>
    public bool ScoresInCSharp => _linear is not null;

    /// <summary>Whether ML.NET's model has been loaded (for a text the C# scorer declines, or because it scores everything).</summary>
    public bool MlNetLoaded => _pool.IsValueCreated;

    /// <summary>Why every quote is scored by ML.NET's prediction engine rather than <see cref="LinearStanceScorer"/>; null when it is not.</summary>
    public string? FallbackReason { get; }

    public void Dispose()
    {
        if (_pool.IsValueCreated) _pool.Value.Dispose();
    }

    /// <summary>Loads the model in <paramref name="path"/>, its C# tables from <paramref name="cache"/> when it holds them.</summary>
    public static MlStanceModel Load(string path, ModelCache cache)
    {
        var fileName = ModelCache.FileName(path, CacheKind, StanceTables.FormatVersion);
        if (cache.TryRead(fileName, StanceTables.Read) is { } tables)
        {
            // A warm start: ML.NET is loaded only if a text needs it.
            var lazy = new Lazy<EnginePool<StanceRow, StancePrediction>>(() =>
            {
                var ml = new MLContext(seed: 0);
                var model = ml.Model.Load(path, out _);
                return new EnginePool<StanceRow, StancePrediction>(() => ml.Model.CreatePredictionEngine<StanceRow, StancePrediction>(model));
            }, LazyThreadSafetyMode.ExecutionAndPublication);
            return new MlStanceModel(tables.Labels, new LinearStanceScorer(tables), lazy, null);
        }
        var context = new MLContext(seed: 0);
        var loaded = FromTransformer(context, context.Model.Load(path, out _));
        if (loaded._linear is { } checkedScorer) cache.TryWrite(fileName, checkedScorer.Tables.Write);
        return loaded;
    }

    /// <summary>
    /// The model of a chain in memory: its C# scorer read from the chain and checked against ML.NET on probe rows,
    /// or, when that fails, ML.NET's engines alone (<see cref="FallbackReason"/> says why).
    /// </summary>
    public static MlStanceModel FromTransformer(MLContext ml, ITransformer model)
    {
        // The score vector's slots are named by the label keys, in key order. They are read from the first engine's
        // output schema (the engine a quote would make anyway): a schema pass of its own costs start-up ~0.05 s.
        var first = ml.Model.CreatePredictionEngine<StanceRow, StancePrediction>(model);
        var pool = new EnginePool<StanceRow, StancePrediction>(() => ml.Model.CreatePredictionEngine<StanceRow, StancePrediction>(model), first);
        VBuffer<ReadOnlyMemory<char>> names = default;
        first.OutputSchema["Score"].GetSlotNames(ref names);
        var labels = names.DenseValues().Select(n => n.ToString()).ToArray();
        var (linear, reason) = CheckedScorer(model, ml, pool, labels);
        return new MlStanceModel(labels, linear, new Lazy<EnginePool<StanceRow, StancePrediction>>(pool), reason);
    }

    private static (LinearStanceScorer? Scorer, string? FallbackReason) CheckedScorer(ITransformer model, MLContext ml, EnginePool<StanceRow, StancePrediction> pool, string[] labels)
    {
        string? reason;
        try
        {
            var linear = new LinearStanceScorer(StanceTables.FromChain(ml, model));
            var probes = LinearStanceScorer.Probes();
            reason = !linear.Labels.SequenceEqual(labels)
                ? $"the linear model's labels ({string.Join(", ", linear.Labels)}) are not the engine's ({string.Join(", ", labels)})"
                : linear.Disagreement(probes, [.. probes.Select(row => pool.Predict(row).Score)]);
            if (reason is null) return (linear, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            reason = e is NotSupportedException ? e.Message : $"{e.GetType().Name}: {e.Message}";
        }
        return (null, $"stance is scored by ML.NET's prediction engine, not the C# scorer: {reason}");
    }

    public StanceResult[] Predict(IReadOnlyList<StanceInput> inputs)
    {
        var results = new StanceResult[inputs.Count];
        var buffers = LendBuffers();
        for (int i = 0; i < inputs.Count; i++)
        {
            var x = inputs[i];
            var row = StanceFeaturizer.Build(x.Text, x.Target, x.MentionStart, x.MentionEnd, x.CueLemma);
            results[i] = ToResult(x.Target, Scores(row, buffers));
        }
        ReturnBuffers(buffers);
        return results;
    }

    /// <summary>Scores one prepared row (used by evaluate).</summary>
    public (string Label, float[] Scores) PredictRow(StanceRow row)
    {
        var buffers = LendBuffers();
        var scores = Scores(row, buffers);
        ReturnBuffers(buffers);
        return (Labels[Best(scores)], scores);
    }

    private NgramBuffers LendBuffers()
    {
        lock (_buffers) return _buffers.TryPop(out var buffers) ? buffers : new NgramBuffers();
    }

    private void ReturnBuffers(NgramBuffers buffers)
    {
        lock (_buffers) _buffers.Push(buffers);
    }

    private float[] Scores(StanceRow row, NgramBuffers buffers)
    {
        if (_linear is not null)
        {
            var scores = new float[Labels.Count];
            if (_linear.TryScore(row, scores, buffers)) return scores;
        }
        return _pool.Value.Predict(row).Score;
    }

    // The first of equal top scores, as before (ML.NET's predicted label is not read: the same scores give the same label).
    private int Best(float[] scores)
    {
        int best = 0;
        for (int k = 1; k < Labels.Count && k < scores.Length; k++) if (scores[k] > scores[best]) best = k;
        return best;
    }

    private StanceResult ToResult(string target, float[] s)
    {
        var scores = new Dictionary<string, double>(Labels.Count);
        for (int k = 0; k < Labels.Count && k < s.Length; k++) scores[Labels[k]] = Math.Round(s[k], 3);
        int best = Best(s);
        return new StanceResult(target, Labels[best], Math.Round(s[best], 3), scores);
    }
}
