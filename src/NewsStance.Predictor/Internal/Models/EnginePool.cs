using System.Collections.Concurrent;
using Microsoft.ML;

namespace NewsStance.Internal.Models;

/// <summary>
/// A pool of ML.NET prediction engines, which are not thread-safe: rent one, predict, return it.
/// Disposing the pool disposes its engines, and any engine still rented when it comes back.
/// <paramref name="first"/>, when given, is an engine already made (to read its schema) that the pool starts with.
/// </summary>
internal sealed class EnginePool<TIn, TOut>(Func<PredictionEngine<TIn, TOut>> create, PredictionEngine<TIn, TOut>? first = null) : IDisposable
    where TIn : class where TOut : class, new()
{
    private readonly ConcurrentBag<PredictionEngine<TIn, TOut>> _engines = first is null ? [] : [first];
    private volatile bool _disposed;

    public TOut Predict(TIn input)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (!_engines.TryTake(out var engine)) engine = create();
        try { return engine.Predict(input); }
        finally
        {
            _engines.Add(engine);
            if (_disposed) Drain();
        }
    }

    public void Dispose()
    {
        _disposed = true;
        Drain();
    }

    private void Drain()
    {
        while (_engines.TryTake(out var engine)) engine.Dispose();
    }
}
