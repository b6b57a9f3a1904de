namespace NewsStance.Encoder;

/// <summary>One encoder layer's weights: fused Q/K/V projection, attention output, feed-forward, two LayerNorms.</summary>
internal sealed class EncoderLayer
{
    public required Parameter Qkv { get; init; }
    public required Parameter QkvBias { get; init; }
    public required Parameter Output { get; init; }
    public required Parameter OutputBias { get; init; }
    public required Parameter Norm1Gamma { get; init; }
    public required Parameter Norm1Beta { get; init; }
    public required Parameter Up { get; init; }
    public required Parameter UpBias { get; init; }
    public required Parameter Down { get; init; }
    public required Parameter DownBias { get; init; }
    public required Parameter Norm2Gamma { get; init; }
    public required Parameter Norm2Beta { get; init; }

    public IEnumerable<Parameter> Parameters => [Qkv, QkvBias, Output, OutputBias, Norm1Gamma, Norm1Beta, Up, UpBias, Down, DownBias, Norm2Gamma, Norm2Beta];
}

/// <summary>A batch of token sequences: ids and segment (token type) ids, without padding.</summary>
internal sealed record EncoderBatch(int[][] Ids, int[][] Segments)
{
    public int Count => Ids.Length;

    /// <summary>The padded length: every sequence is laid out in a row block of this many tokens.</summary>
    public int Length { get; } = Ids.Length == 0 ? 0 : (Ids.Max(x => x.Length) + 3) / 4 * 4;
}

/// <summary>
/// A BERT-style encoder in plain C#: embeddings, then post-LayerNorm transformer layers. <see cref="Forward"/>
/// returns the last hidden states of a batch and keeps what <see cref="Backward"/> needs to accumulate
/// gradients into the trainable <see cref="Parameter"/>s. Embedding tables stay frozen (they are most of
/// the weights and fine-tuning them on a few thousand rows only overfits); every layer and the embedding
/// LayerNorm can train. Hidden states are laid out as rows of a [batch × padded length, hidden] matrix.
/// </summary>
internal sealed class TransformerEncoder
{
    public TransformerEncoder(EncoderConfig config, Parameter wordEmbeddings, Parameter positionEmbeddings, Parameter segmentEmbeddings,
        Parameter normGamma, Parameter normBeta, IReadOnlyList<EncoderLayer> layers)
    {
        Config = config;
        WordEmbeddings = wordEmbeddings;
        PositionEmbeddings = positionEmbeddings;
        SegmentEmbeddings = segmentEmbeddings;
        NormGamma = normGamma;
        NormBeta = normBeta;
        Layers = layers;
    }

    public EncoderConfig Config { get; }
    public Parameter WordEmbeddings { get; }
    public Parameter PositionEmbeddings { get; }
    public Parameter SegmentEmbeddings { get; }
    public Parameter NormGamma { get; }
    public Parameter NormBeta { get; }
    public IReadOnlyList<EncoderLayer> Layers { get; }

    /// <summary>Every weight, embeddings first, in a fixed order (the order bundles store them in).</summary>
    public IEnumerable<Parameter> Parameters =>
        new[] { WordEmbeddings, PositionEmbeddings, SegmentEmbeddings, NormGamma, NormBeta }.Concat(Layers.SelectMany(l => l.Parameters));

    /// <summary>The result of a forward pass: the last hidden states and the activations for backward.</summary>
    internal sealed class Pass
    {
        public required EncoderBatch Batch { get; init; }
        public required int Rows { get; init; }
        public required float[] Output { get; set; }
        public required float DropoutKeep { get; init; }
        public bool Parallel { get; init; }
        internal float[] EmbeddingHat = [];
        internal float[] EmbeddingRstd = [];
        internal float[]? EmbeddingMask;
        internal readonly List<LayerCache> Layers = [];
    }

    internal sealed class LayerCache
    {
        public float[] Input = [], Qkv = [], Probs = [], Context = [], Norm1 = [], Norm1Hat = [], Norm1Rstd = [];
        public float[] Up = [], Act = [], Norm2Hat = [], Norm2Rstd = [];
        public float[]? Mask1, Mask2;
    }

    /// <summary>
    /// Encodes <paramref name="batch"/>. With <paramref name="dropout"/> &gt; 0 (training) dropout masks
    /// are drawn from <paramref name="random"/>, so the same seed gives the same pass.
    /// </summary>
    public Pass Forward(EncoderBatch batch, float dropout = 0, Random? random = null, bool parallel = false, bool keepActivations = false)
    {
        var c = Config;
        int h = c.Hidden, len = batch.Length, rows = batch.Count * len;
        var x = new float[rows * h];
        for (int b = 0; b < batch.Count; b++)
        {
            var ids = batch.Ids[b];
            var seg = batch.Segments[b];
            for (int t = 0; t < ids.Length; t++)
            {
                var dst = x.AsSpan((b * len + t) * h, h);
                WordEmbeddings.Value.AsSpan(ids[t] * h, h).CopyTo(dst);
                System.Numerics.Tensors.TensorPrimitives.Add(dst, PositionEmbeddings.Value.AsSpan(t * h, h), dst);
                System.Numerics.Tensors.TensorPrimitives.Add(dst, SegmentEmbeddings.Value.AsSpan(seg[t] * h, h), dst);
            }
        }
        var pass = new Pass { Batch = batch, Rows = rows, Output = x, DropoutKeep = 1 - dropout, Parallel = parallel };
        var normed = Normalize(x, rows, NormGamma, NormBeta, out pass.EmbeddingHat, out pass.EmbeddingRstd);
        pass.EmbeddingMask = Dropout(normed, dropout, random);
        var current = normed;
        foreach (var layer in Layers)
        {
            var cache = new LayerCache();
            current = LayerForward(layer, current, batch, rows, dropout, random, parallel, cache);
            if (keepActivations) pass.Layers.Add(cache);
        }
        pass.Output = current;
        return pass;
    }

    private float[] LayerForward(EncoderLayer layer, float[] input, EncoderBatch batch, int rows, float dropout, Random? random, bool parallel, LayerCache cache)
    {
        int h = Config.Hidden, inter = Config.Intermediate;
        cache.Input = input;
        cache.Qkv = Dense(input, layer.Qkv, layer.QkvBias, rows, h, 3 * h, parallel);
        cache.Context = new float[rows * h];
        cache.Probs = Attention(cache.Qkv, batch, cache.Context, parallel);
        var attended = Dense(cache.Context, layer.Output, layer.OutputBias, rows, h, h, parallel);
        cache.Mask1 = Dropout(attended, dropout, random);
        System.Numerics.Tensors.TensorPrimitives.Add(attended, input, attended);
        cache.Norm1 = Normalize(attended, rows, layer.Norm1Gamma, layer.Norm1Beta, out cache.Norm1Hat, out cache.Norm1Rstd);
        cache.Up = Dense(cache.Norm1, layer.Up, layer.UpBias, rows, h, inter, parallel);
        cache.Act = new float[rows * inter];
        Ops.Gelu(cache.Up, cache.Act);
        var down = Dense(cache.Act, layer.Down, layer.DownBias, rows, inter, h, parallel);
        cache.Mask2 = Dropout(down, dropout, random);
        System.Numerics.Tensors.TensorPrimitives.Add(down, cache.Norm1, down);
        return Normalize(down, rows, layer.Norm2Gamma, layer.Norm2Beta, out cache.Norm2Hat, out cache.Norm2Rstd);
    }

    /// <summary>x·W + b for rows×k input and a k×n weight.</summary>
    private static float[] Dense(float[] x, Parameter weight, Parameter bias, int rows, int k, int n, bool parallel)
    {
        var y = new float[rows * n];
        Gemm.MatMul(x, weight.Value, y, rows, k, n, parallel: parallel);
        Ops.AddBias(y, rows, bias.Value);
        return y;
    }

    /// <summary>LayerNorm of each row, keeping x̂ and 1/σ for the backward pass.</summary>
    private float[] Normalize(float[] x, int rows, Parameter gamma, Parameter beta, out float[] xhat, out float[] rstd)
    {
        int h = Config.Hidden;
        var y = new float[rows * h];
        xhat = new float[rows * h];
        rstd = new float[rows];
        Ops.LayerNorm(x, rows, h, gamma.Value, beta.Value, Config.LayerNormEpsilon, y, xhat, rstd);
        return y;
    }

    /// <summary>
    /// Multi-head self-attention over each sequence's own tokens (padding is never attended to). Each
    /// (sequence, head) pair is gathered into small contiguous matrices so the products run on the GEMM
    /// kernel: a dot product per score pair cost several times more.
    /// </summary>
    private float[] Attention(float[] qkv, EncoderBatch batch, float[] context, bool parallel)
    {
        int h = Config.Hidden, heads = Config.Heads, dh = Config.HeadSize, len = batch.Length;
        float scale = 1f / MathF.Sqrt(dh);
        var probs = new float[batch.Count * heads * len * len];
        void Run(int job)
        {
            int b = job / heads, head = job % heads, n = batch.Ids[b].Length, row0 = b * len;
            var q = Gather(qkv, row0, n, 3 * h, head * dh, dh);
            var kt = Gemm.Transpose(Gather(qkv, row0, n, 3 * h, h + head * dh, dh), n, dh);
            var v = Gather(qkv, row0, n, 3 * h, 2 * h + head * dh, dh);
            var s = new float[n * n];
            Gemm.MatMul(q, kt, s, n, dh, n);
            var p = probs.AsSpan(job * len * len, len * len);
            for (int i = 0; i < n; i++)
            {
                var row = s.AsSpan(i * n, n);
                System.Numerics.Tensors.TensorPrimitives.Multiply(row, scale, row);
                System.Numerics.Tensors.TensorPrimitives.SoftMax(row, p.Slice(i * len, n));
                p.Slice(i * len, n).CopyTo(row);
            }
            var ctx = new float[n * dh];
            Gemm.MatMul(s, v, ctx, n, n, dh);
            Scatter(ctx, context, row0, n, h, head * dh, dh, accumulate: false);
        }
        int jobs = batch.Count * heads;
        if (parallel && jobs > 1) System.Threading.Tasks.Parallel.For(0, jobs, Run);
        else for (int j = 0; j < jobs; j++) Run(j);
        return probs;
    }

    /// <summary>Rows [row0, row0+n) of columns [col, col+width) of a matrix with <paramref name="stride"/> columns, packed.</summary>
    private static float[] Gather(float[] x, int row0, int n, int stride, int col, int width)
    {
        var r = new float[n * width];
        for (int i = 0; i < n; i++) Array.Copy(x, (row0 + i) * stride + col, r, i * width, width);
        return r;
    }

    private static void Scatter(float[] packed, float[] x, int row0, int n, int stride, int col, int width, bool accumulate)
    {
        for (int i = 0; i < n; i++)
        {
            var dst = x.AsSpan((row0 + i) * stride + col, width);
            var src = packed.AsSpan(i * width, width);
            if (accumulate) System.Numerics.Tensors.TensorPrimitives.Add(dst, src, dst);
            else src.CopyTo(dst);
        }
    }

    private static float[]? Dropout(float[] x, float rate, Random? random)
    {
        if (rate <= 0 || random is null) return null;
        // Bulk random bytes (two per element) are several times cheaper than a NextSingle per element.
        var mask = new float[x.Length];
        var bits = new byte[2 * x.Length];
        random.NextBytes(bits);
        float scale = 1 / (1 - rate);
        int threshold = (int)((1 - rate) * 65536);
        for (int i = 0; i < x.Length; i++)
            mask[i] = (bits[2 * i] | bits[2 * i + 1] << 8) < threshold ? scale : 0f;
        System.Numerics.Tensors.TensorPrimitives.Multiply(x, mask, x);
        return mask;
    }

    /// <summary>
    /// Back-propagates <paramref name="dOutput"/> (the loss gradient of <see cref="Pass.Output"/>) and adds
    /// the weight gradients into the trainable parameters' <see cref="Parameter.Grad"/>.
    /// </summary>
    public void Backward(Pass pass, float[] dOutput)
    {
        if (pass.Layers.Count != Layers.Count) throw new InvalidOperationException("the forward pass did not keep its activations");
        var d = dOutput;
        for (int l = Layers.Count - 1; l >= 0; l--)
        {
            bool last = l == 0 && !NormGamma.Trainable && !NormBeta.Trainable;
            if (!Layers[l].Parameters.Any(p => p.Trainable) && (l == 0 || !Layers.Take(l).Any(x => x.Parameters.Any(p => p.Trainable))) && !NormGamma.Trainable)
                return; // nothing below this layer learns
            d = LayerBackward(Layers[l], pass.Layers[l], pass, d, needInputGrad: !last);
            if (d.Length == 0) return;
        }
        if (NormGamma.Trainable || NormBeta.Trainable)
        {
            if (pass.EmbeddingMask is { } mask) System.Numerics.Tensors.TensorPrimitives.Multiply(d, mask, d);
            var unused = new float[d.Length];
            Ops.LayerNormBackward(d, pass.EmbeddingHat, pass.EmbeddingRstd, pass.Rows, Config.Hidden, NormGamma.Value,
                NormGamma.Trainable ? NormGamma.Grad : null, NormBeta.Trainable ? NormBeta.Grad : null, unused);
        }
    }

    private float[] LayerBackward(EncoderLayer layer, LayerCache cache, Pass pass, float[] dOut, bool needInputGrad)
    {
        int h = Config.Hidden, inter = Config.Intermediate, rows = pass.Rows;
        bool parallel = pass.Parallel;
        // Second LayerNorm: d(residual sum).
        var dSum2 = new float[rows * h];
        Ops.LayerNormBackward(dOut, cache.Norm2Hat, cache.Norm2Rstd, rows, h, layer.Norm2Gamma.Value, GradOrNull(layer.Norm2Gamma), GradOrNull(layer.Norm2Beta), dSum2);
        // Feed-forward branch.
        var dDown = Masked(dSum2, cache.Mask2);
        var dAct = new float[rows * inter];
        DenseBackward(cache.Act, dDown, layer.Down, layer.DownBias, rows, inter, h, dAct, parallel);
        var dUp = new float[rows * inter];
        Ops.GeluBackward(cache.Up, dAct, dUp);
        var dNorm1 = dSum2; // residual path: the branch's input gradient adds to it
        DenseBackward(cache.Norm1, dUp, layer.Up, layer.UpBias, rows, h, inter, dNorm1, parallel);
        // First LayerNorm.
        var dSum1 = new float[rows * h];
        Ops.LayerNormBackward(dNorm1, cache.Norm1Hat, cache.Norm1Rstd, rows, h, layer.Norm1Gamma.Value, GradOrNull(layer.Norm1Gamma), GradOrNull(layer.Norm1Beta), dSum1);
        // Attention output projection, then attention.
        var dAttended = Masked(dSum1, cache.Mask1);
        var dContext = new float[rows * h];
        DenseBackward(cache.Context, dAttended, layer.Output, layer.OutputBias, rows, h, h, dContext, parallel);
        var dQkv = AttentionBackward(cache, pass.Batch, dContext, parallel);
        var dInput = needInputGrad ? dSum1 : null; // residual path
        DenseBackward(cache.Input, dQkv, layer.Qkv, layer.QkvBias, rows, h, 3 * h, dInput, parallel);
        return dInput ?? [];
    }

    /// <summary>A copy of <paramref name="d"/> through a dropout mask (the mask holds 0 or 1/keep).</summary>
    private static float[] Masked(float[] d, float[]? mask)
    {
        var r = (float[])d.Clone();
        if (mask is not null) System.Numerics.Tensors.TensorPrimitives.Multiply(r, mask, r);
        return r;
    }

    /// <summary>
    /// The backward pass of <see cref="Dense"/> (y = x·W + b, x rows×k, W k×n): adds the weight and bias
    /// gradients when they train, and adds dy·Wᵀ into <paramref name="dInput"/> when one is wanted.
    /// </summary>
    private static void DenseBackward(float[] x, float[] dy, Parameter weight, Parameter bias, int rows, int k, int n, float[]? dInput, bool parallel)
    {
        if (weight.Trainable) Gemm.MatMulTransA(x, dy, weight.Grad, k, rows, n, accumulate: true, parallel);
        if (bias.Trainable) Ops.AddColumnSums(dy, rows, bias.Grad);
        if (dInput is not null) Gemm.MatMulTransB(dy, weight.Value, dInput, rows, n, k, accumulate: true, parallel);
    }

    private static float[]? GradOrNull(Parameter p) => p.Trainable ? p.Grad : null;

    private float[] AttentionBackward(LayerCache cache, EncoderBatch batch, float[] dContext, bool parallel)
    {
        int h = Config.Hidden, heads = Config.Heads, dh = Config.HeadSize, len = batch.Length, stride = 3 * h;
        float scale = 1f / MathF.Sqrt(dh);
        var qkv = cache.Qkv;
        var dQkv = new float[qkv.Length];
        void Run(int job)
        {
            int b = job / heads, head = job % heads, n = batch.Ids[b].Length, row0 = b * len;
            var p = new float[n * n];
            for (int i = 0; i < n; i++) Array.Copy(cache.Probs, job * len * len + i * len, p, i * n, n);
            var q = Gather(qkv, row0, n, stride, head * dh, dh);
            var k = Gather(qkv, row0, n, stride, h + head * dh, dh);
            var v = Gather(qkv, row0, n, stride, 2 * h + head * dh, dh);
            var dCtx = Gather(dContext, row0, n, h, head * dh, dh);
            // dP = dCtx·Vᵀ, dV = Pᵀ·dCtx
            var dp = new float[n * n];
            Gemm.MatMul(dCtx, Gemm.Transpose(v, n, dh), dp, n, dh, n);
            var dv = new float[n * dh];
            Gemm.MatMul(Gemm.Transpose(p, n, n), dCtx, dv, n, n, dh);
            // dS = P ⊙ (dP − rowsum(dP ⊙ P)), times the score scale
            for (int i = 0; i < n; i++)
            {
                var pi = p.AsSpan(i * n, n);
                var di = dp.AsSpan(i * n, n);
                float dot = System.Numerics.Tensors.TensorPrimitives.Dot(pi, di);
                System.Numerics.Tensors.TensorPrimitives.Subtract(di, dot, di);
                System.Numerics.Tensors.TensorPrimitives.Multiply(di, pi, di);
                System.Numerics.Tensors.TensorPrimitives.Multiply(di, scale, di);
            }
            // dQ = dS·K, dK = dSᵀ·Q
            var dq = new float[n * dh];
            Gemm.MatMul(dp, k, dq, n, n, dh);
            var dk = new float[n * dh];
            Gemm.MatMul(Gemm.Transpose(dp, n, n), q, dk, n, n, dh);
            Scatter(dq, dQkv, row0, n, stride, head * dh, dh, accumulate: false);
            Scatter(dk, dQkv, row0, n, stride, h + head * dh, dh, accumulate: false);
            Scatter(dv, dQkv, row0, n, stride, 2 * h + head * dh, dh, accumulate: false);
        }
        int jobs = batch.Count * heads;
        if (parallel && jobs > 1) System.Threading.Tasks.Parallel.For(0, jobs, Run);
        else for (int j = 0; j < jobs; j++) Run(j);
        return dQkv;
    }
}
