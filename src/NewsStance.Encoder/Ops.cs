using System.Numerics.Tensors;
using System.Runtime.Intrinsics;

namespace NewsStance.Encoder;

/// <summary>The element-wise and row-wise pieces of the encoder, forward and backward.</summary>
internal static class Ops
{
    /// <summary>Adds <paramref name="bias"/> to every row of x[rows×cols].</summary>
    public static void AddBias(float[] x, int rows, float[] bias)
    {
        int cols = bias.Length;
        for (int r = 0; r < rows; r++)
        {
            var row = x.AsSpan(r * cols, cols);
            TensorPrimitives.Add(row, bias, row);
        }
    }

    /// <summary>Column sums of dy[rows×cols] added into <paramref name="grad"/> (a bias gradient).</summary>
    public static void AddColumnSums(float[] dy, int rows, float[] grad)
    {
        int cols = grad.Length;
        for (int r = 0; r < rows; r++) TensorPrimitives.Add(grad, dy.AsSpan(r * cols, cols), grad);
    }

    /// <summary>
    /// y = γ·(x − μ)/σ + β per row. Keeps x̂ and 1/σ per row for the backward pass.
    /// </summary>
    public static void LayerNorm(float[] x, int rows, int cols, float[] gamma, float[] beta, float eps, float[] y, float[] xhat, float[] rstd)
    {
        for (int r = 0; r < rows; r++)
        {
            var xr = x.AsSpan(r * cols, cols);
            float mean = TensorPrimitives.Sum(xr) / cols;
            var hr = xhat.AsSpan(r * cols, cols);
            TensorPrimitives.Subtract(xr, mean, hr);
            float variance = TensorPrimitives.SumOfSquares(hr) / cols;
            float s = 1f / MathF.Sqrt(variance + eps);
            rstd[r] = s;
            TensorPrimitives.Multiply(hr, s, hr);
            var yr = y.AsSpan(r * cols, cols);
            TensorPrimitives.FusedMultiplyAdd(hr, gamma, beta, yr);
        }
    }

    /// <summary>dx = (1/σ)(dx̂ − mean(dx̂) − x̂·mean(dx̂·x̂)), dx̂ = dy·γ; accumulates dγ, dβ when given.</summary>
    public static void LayerNormBackward(float[] dy, float[] xhat, float[] rstd, int rows, int cols, float[] gamma, float[]? dGamma, float[]? dBeta, float[] dx)
    {
        var dxhat = new float[cols];
        for (int r = 0; r < rows; r++)
        {
            var dyr = dy.AsSpan(r * cols, cols);
            var hr = xhat.AsSpan(r * cols, cols);
            if (dGamma is { Length: > 0 }) TensorPrimitives.FusedMultiplyAdd(dyr, hr, dGamma, dGamma);
            if (dBeta is { Length: > 0 }) TensorPrimitives.Add(dBeta, dyr, dBeta);
            TensorPrimitives.Multiply(dyr, gamma, dxhat);
            float meanD = TensorPrimitives.Sum(dxhat) / cols;
            float meanDx = TensorPrimitives.Dot(dxhat, hr) / cols;
            var dxr = dx.AsSpan(r * cols, cols);
            float s = rstd[r];
            for (int j = 0; j < cols; j++) dxr[j] = s * (dxhat[j] - meanD - hr[j] * meanDx);
        }
    }

    /// <summary>The exact (erf) GELU that BERT uses: x·Φ(x).</summary>
    public static void Gelu(ReadOnlySpan<float> x, Span<float> y)
    {
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; i + 16 <= x.Length; i += 16)
            {
                var v = Vector512.Create(x.Slice(i, 16));
                (v * Phi(v)).CopyTo(y.Slice(i, 16));
            }
        for (; i < x.Length; i++) y[i] = x[i] * Phi(x[i]);
    }

    /// <summary>dx = dy·(Φ(x) + x·φ(x)).</summary>
    public static void GeluBackward(ReadOnlySpan<float> x, ReadOnlySpan<float> dy, Span<float> dx)
    {
        const float invSqrt2Pi = 0.3989422804014327f;
        int i = 0;
        if (Vector512.IsHardwareAccelerated)
            for (; i + 16 <= x.Length; i += 16)
            {
                var v = Vector512.Create(x.Slice(i, 16));
                var pdf = Vector512.Exp(v * v * -0.5f) * invSqrt2Pi;
                (Vector512.Create(dy.Slice(i, 16)) * (Phi(v) + v * pdf)).CopyTo(dx.Slice(i, 16));
            }
        for (; i < x.Length; i++)
        {
            float v = x[i];
            dx[i] = dy[i] * (Phi(v) + v * MathF.Exp(-0.5f * v * v) * invSqrt2Pi);
        }
    }

    /// <summary>The standard normal CDF, Φ(x) = ½(1 + erf(x/√2)).</summary>
    public static float Phi(float x) => 0.5f * (1f + Erf(x * 0.70710678118654752f));

    private static Vector512<float> Phi(Vector512<float> x) => (Vector512<float>.One + Erf(x * 0.70710678118654752f)) * 0.5f;

    /// <summary>erf by Abramowitz &amp; Stegun 7.1.26 (absolute error below 1.5e-7, under float rounding of the rest).</summary>
    public static float Erf(float x)
    {
        float sign = x < 0 ? -1f : 1f;
        x = MathF.Abs(x);
        float t = 1f / (1f + 0.3275911f * x);
        float poly = t * (0.254829592f + t * (-0.284496736f + t * (1.421413741f + t * (-1.453152027f + t * 1.061405429f))));
        return sign * (1f - poly * MathF.Exp(-x * x));
    }

    private static Vector512<float> Erf(Vector512<float> x)
    {
        var sign = x & Vector512.Create(-0f);
        var a = Vector512.Abs(x);
        var t = Vector512<float>.One / (Vector512<float>.One + a * 0.3275911f);
        var poly = t * (Vector512.Create(0.254829592f) + t * (Vector512.Create(-0.284496736f) + t * (Vector512.Create(1.421413741f) + t * (Vector512.Create(-1.453152027f) + t * 1.061405429f))));
        var r = Vector512<float>.One - poly * Vector512.Exp(-(a * a));
        return r | sign;
    }
}
