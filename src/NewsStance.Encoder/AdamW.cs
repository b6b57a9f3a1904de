using System.Runtime.Intrinsics;

namespace NewsStance.Encoder;

/// <summary>
/// AdamW (Loshchilov &amp; Hutter): Adam moments with weight decay applied to the weights directly, not
/// through the gradient. Biases and LayerNorm weights (one-dimensional) are not decayed, as in BERT.
/// </summary>
internal sealed class AdamW
{
    private readonly List<(Parameter P, float[] M, float[] V, bool Decay)> _state = [];
    private int _step;

    public AdamW(IEnumerable<Parameter> parameters, float weightDecay = 0.01f, float beta1 = 0.9f, float beta2 = 0.999f, float epsilon = 1e-6f)
    {
        foreach (var p in parameters.Where(p => p.Trainable))
            _state.Add((p, new float[p.Length], new float[p.Length], IsMatrix(p)));
        WeightDecay = weightDecay; Beta1 = beta1; Beta2 = beta2; Epsilon = epsilon;
    }

    public float WeightDecay { get; }
    public float Beta1 { get; }
    public float Beta2 { get; }
    public float Epsilon { get; }

    /// <summary>Updates made so far (the bias corrections depend on it); a resumed run sets it from its checkpoint.</summary>
    public int Steps { get => _step; set => _step = value; }

    /// <summary>Each trained parameter with its first and second moments, in a fixed order: what a checkpoint saves and restores.</summary>
    public IEnumerable<(Parameter Parameter, float[] FirstMoment, float[] SecondMoment)> Moments => _state.Select(s => (s.P, s.M, s.V));

    /// <summary>Scales every gradient so their joint L2 norm is at most <paramref name="maxNorm"/>; returns the norm before.</summary>
    public double ClipGradients(float maxNorm)
    {
        double sum = 0;
        foreach (var (p, _, _, _) in _state) sum += System.Numerics.Tensors.TensorPrimitives.SumOfSquares(p.Grad);
        double norm = Math.Sqrt(sum);
        if (norm > maxNorm)
        {
            float scale = (float)(maxNorm / (norm + 1e-6));
            foreach (var (p, _, _, _) in _state) System.Numerics.Tensors.TensorPrimitives.Multiply(p.Grad, scale, p.Grad);
        }
        return norm;
    }

    /// <summary>One update with learning rate <paramref name="rate"/> (the schedule's value for this step); <paramref name="rateFor"/> may scale it per parameter.</summary>
    public void Step(float rate, Func<Parameter, float>? rateFor = null)
    {
        _step++;
        float c1 = 1 - MathF.Pow(Beta1, _step), c2 = 1 - MathF.Pow(Beta2, _step);
        Parallel.ForEach(_state, s =>
        {
            var (p, m, v, decay) = s;
            float lr = rate * (rateFor?.Invoke(p) ?? 1f);
            var w = p.Value; var g = p.Grad;
            float shrink = decay ? 1 - lr * WeightDecay : 1;
            int i = 0;
            if (Vector512.IsHardwareAccelerated)
            {
                var b1 = Vector512.Create(Beta1); var nb1 = Vector512.Create(1 - Beta1);
                var b2 = Vector512.Create(Beta2); var nb2 = Vector512.Create(1 - Beta2);
                var ic1 = Vector512.Create(1 / c1); var ic2 = Vector512.Create(1 / c2);
                var eps = Vector512.Create(Epsilon); var vlr = Vector512.Create(lr); var vs = Vector512.Create(shrink);
                for (; i + 16 <= w.Length; i += 16)
                {
                    var gi = Vector512.Create(g.AsSpan(i, 16));
                    var mi = b1 * Vector512.Create(m.AsSpan(i, 16)) + nb1 * gi;
                    var vi = b2 * Vector512.Create(v.AsSpan(i, 16)) + nb2 * gi * gi;
                    mi.CopyTo(m.AsSpan(i, 16));
                    vi.CopyTo(v.AsSpan(i, 16));
                    var wi = Vector512.Create(w.AsSpan(i, 16)) * vs - vlr * (mi * ic1) / (Vector512.Sqrt(vi * ic2) + eps);
                    wi.CopyTo(w.AsSpan(i, 16));
                }
            }
            for (; i < w.Length; i++)
            {
                m[i] = Beta1 * m[i] + (1 - Beta1) * g[i];
                v[i] = Beta2 * v[i] + (1 - Beta2) * g[i] * g[i];
                w[i] = w[i] * shrink - lr * (m[i] / c1) / (MathF.Sqrt(v[i] / c2) + Epsilon);
            }
        });
    }

    private static bool IsMatrix(Parameter p) => p.Name.EndsWith("weight", StringComparison.Ordinal) && !p.Name.Contains("LayerNorm", StringComparison.Ordinal) && p.Length > 4096
        || p.Name.StartsWith("head.", StringComparison.Ordinal) && p.Name.EndsWith("weight", StringComparison.Ordinal);
}
