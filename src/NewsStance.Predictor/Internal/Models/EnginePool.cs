using System.Collections.Concurrent;
using Microsoft.ML;

namespace NewsStance.Internal.Models;

/// <summary>
/// A pool of ML.NET prediction engines, which are not thread-safe: rent one, predict, return it.
/// </summary>
internal sealed class EnginePool<TIn, TOut>(Func<PredictionEngine<TIn, TOut>> create)
    where TIn : class where TOut : class, new()
{
    private readonly ConcurrentBag<PredictionEngine<TIn, TOut>> _engines = [];

    public TOut Predict(TIn input)
    {
        if (!_engines.TryTake(out var engine)) engine = create();
        try { return engine.Predict(input); }
        finally { _engines.Add(engine); }
    }
}
