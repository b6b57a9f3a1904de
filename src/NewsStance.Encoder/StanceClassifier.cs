namespace NewsStance.Encoder;

/// <summary>One text to classify: its tokens (with segments) and which tokens name the target.</summary>
/// <param name="Ids">Token ids, starting with <c>[CLS]</c>.</param>
/// <param name="Segments">0 for the text, 1 for a target appended as a second segment.</param>
/// <param name="TargetTokens">The positions pooled as the target's vector (its mention in the text, or the appended target).</param>
internal sealed record EncodedExample(int[] Ids, int[] Segments, int[] TargetTokens);

/// <summary>
/// Target-dependent classification over an encoder (TD-BERT style): the logits are a linear function of
/// the <c>[CLS]</c> vector beside the mean of the target's tokens, so one encoding of a quote serves any
/// target it names. Forward, loss and backward for training; <see cref="Predict"/> for scoring.
/// </summary>
internal sealed class StanceClassifier
{
    public StanceClassifier(TransformerEncoder encoder, int classes, Parameter? weight = null, Parameter? bias = null, int seed = 0)
    {
        Encoder = encoder;
        Classes = classes;
        int features = 2 * encoder.Config.Hidden;
        if (weight is null)
        {
            var random = new Random(seed);
            float scale = MathF.Sqrt(1f / features);
            var w = new float[features * classes];
            for (int i = 0; i < w.Length; i++) w[i] = (random.NextSingle() * 2 - 1) * scale;
            weight = new Parameter("head.weight", w, true);
        }
        Weight = weight;
        Bias = bias ?? new Parameter("head.bias", new float[classes], true);
        if (Weight.Length != features * classes || Bias.Length != classes)
            throw new InvalidDataException($"the classifier head has {Weight.Length} + {Bias.Length} weights; an encoder of width {encoder.Config.Hidden} with {classes} classes needs {features * classes} + {classes}");
    }

    public TransformerEncoder Encoder { get; }
    public int Classes { get; }
    public Parameter Weight { get; }
    public Parameter Bias { get; }

    public IEnumerable<Parameter> Parameters => Encoder.Parameters.Concat([Weight, Bias]);

    /// <summary>
    /// Computes the last hidden states of a batch for <see cref="Predict"/> in place of <see cref="Encoder"/>'s
    /// own forward pass (the same weights run by ONNX Runtime when scoring); null for the C# pass.
    /// </summary>
    public Func<EncoderBatch, float[]>? Runner { get; init; }

    private static EncoderBatch BatchOf(IReadOnlyList<EncodedExample> examples) =>
        new([.. examples.Select(e => e.Ids)], [.. examples.Select(e => e.Segments)]);

    /// <summary>[CLS] and target-mean features of each example, from the encoder's output rows.</summary>
    private float[] Features(IReadOnlyList<EncodedExample> examples, float[] hidden, int length)
    {
        int h = Encoder.Config.Hidden;
        var f = new float[examples.Count * 2 * h];
        for (int b = 0; b < examples.Count; b++)
        {
            Array.Copy(hidden, b * length * h, f, b * 2 * h, h);
            var target = f.AsSpan(b * 2 * h + h, h);
            var tokens = examples[b].TargetTokens;
            foreach (var t in tokens) System.Numerics.Tensors.TensorPrimitives.Add(target, hidden.AsSpan((b * length + t) * h, h), target);
            if (tokens.Length > 0) System.Numerics.Tensors.TensorPrimitives.Multiply(target, 1f / tokens.Length, target);
        }
        return f;
    }

    /// <summary>
    /// Class probabilities of each example (no dropout). Examples with the same tokens (one quote toward
    /// several targets it names) are encoded once and pooled per target.
    /// </summary>
    public float[][] Predict(IReadOnlyList<EncodedExample> examples, bool parallel = false)
    {
        if (examples.Count == 0) return [];
        var unique = new List<EncodedExample>();
        var slot = new int[examples.Count];
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < examples.Count; i++)
        {
            var key = string.Join(',', examples[i].Ids) + "|" + string.Join(',', examples[i].Segments);
            if (!seen.TryGetValue(key, out slot[i])) { slot[i] = seen[key] = unique.Count; unique.Add(examples[i]); }
        }
        var batch = BatchOf(unique);
        var hidden = Runner is { } run ? run(batch) : Encoder.Forward(batch, parallel: parallel).Output;
        if (unique.Count < examples.Count)
        {
            // Lay the shared encodings out once per example, so pooling below reads each example's own rows.
            int h = Encoder.Config.Hidden, rowsPer = batch.Length * h;
            var expanded = new float[examples.Count * rowsPer];
            for (int i = 0; i < examples.Count; i++) Array.Copy(hidden, slot[i] * rowsPer, expanded, i * rowsPer, rowsPer);
            hidden = expanded;
        }
        var features = Features(examples, hidden, batch.Length);
        var logits = Logits(features, examples.Count);
        var result = new float[examples.Count][];
        for (int b = 0; b < examples.Count; b++)
        {
            result[b] = logits.AsSpan(b * Classes, Classes).ToArray();
            System.Numerics.Tensors.TensorPrimitives.SoftMax(result[b], result[b]);
        }
        return result;
    }

    /// <summary>
    /// <see cref="Predict"/> over many examples in batches of <paramref name="batchSize"/> examples of similar
    /// length (so padding stays short); results in input order.
    /// </summary>
    public float[][] PredictInBatches(IReadOnlyList<EncodedExample> examples, int batchSize, bool parallel = false)
    {
        var result = new float[examples.Count][];
        var order = Enumerable.Range(0, examples.Count).OrderBy(i => examples[i].Ids.Length).ToArray();
        for (int start = 0; start < order.Length; start += batchSize)
        {
            var batch = order[start..Math.Min(order.Length, start + batchSize)];
            var probs = Predict(batch.Select(i => examples[i]).ToList(), parallel);
            for (int b = 0; b < batch.Length; b++) result[batch[b]] = probs[b];
        }
        return result;
    }

    private float[] Logits(float[] features, int count)
    {
        var logits = new float[count * Classes];
        Gemm.MatMul(features, Weight.Value, logits, count, 2 * Encoder.Config.Hidden, Classes);
        Ops.AddBias(logits, count, Bias.Value);
        return logits;
    }

    /// <summary>
    /// One training step's forward and backward: mean cross-entropy over the batch (each example weighted
    /// by <paramref name="classWeights"/> of its label, when given), gradients added into the parameters.
    /// Returns the loss.
    /// </summary>
    public double TrainBatch(IReadOnlyList<EncodedExample> examples, int[] labels, float dropout, Random random, bool parallel, float[]? classWeights = null)
    {
        var batch = BatchOf(examples);
        int h = Encoder.Config.Hidden, n = examples.Count, width = 2 * h;
        var pass = Encoder.Forward(batch, dropout, random, parallel, keepActivations: true);
        var features = Features(examples, pass.Output, batch.Length);
        float[]? mask = null;
        if (dropout > 0)
        {
            mask = new float[features.Length];
            float keep = 1 - dropout;
            for (int i = 0; i < mask.Length; i++) mask[i] = random.NextSingle() < keep ? 1 / keep : 0;
            System.Numerics.Tensors.TensorPrimitives.Multiply(features, mask, features);
        }
        var logits = Logits(features, n);
        double loss = 0, total = 0;
        var dLogits = new float[logits.Length];
        for (int b = 0; b < n; b++)
        {
            var p = logits.AsSpan(b * Classes, Classes).ToArray();
            System.Numerics.Tensors.TensorPrimitives.SoftMax(p, p);
            float w = classWeights?[labels[b]] ?? 1f;
            total += w;
            loss -= w * Math.Log(Math.Max(p[labels[b]], 1e-12f));
            for (int k = 0; k < Classes; k++) dLogits[b * Classes + k] = w * (p[k] - (k == labels[b] ? 1 : 0));
        }
        float norm = (float)(1 / total);
        System.Numerics.Tensors.TensorPrimitives.Multiply(dLogits, norm, dLogits);
        // Head.
        Gemm.MatMulTransA(features, dLogits, Weight.Grad, width, n, Classes, accumulate: true, parallel: false);
        Ops.AddColumnSums(dLogits, n, Bias.Grad);
        var dFeatures = new float[features.Length];
        Gemm.MatMulTransB(dLogits, Weight.Value, dFeatures, n, Classes, width, accumulate: false, parallel: false);
        if (mask is not null) System.Numerics.Tensors.TensorPrimitives.Multiply(dFeatures, mask, dFeatures);
        // Back into the encoder's output rows: [CLS] and the target's tokens.
        var dHidden = new float[pass.Output.Length];
        for (int b = 0; b < n; b++)
        {
            var row0 = b * batch.Length;
            dFeatures.AsSpan(b * width, h).CopyTo(dHidden.AsSpan(row0 * h, h));
            var tokens = examples[b].TargetTokens;
            if (tokens.Length == 0) continue;
            var share = dFeatures.AsSpan(b * width + h, h).ToArray();
            System.Numerics.Tensors.TensorPrimitives.Multiply(share, 1f / tokens.Length, share);
            foreach (var t in tokens)
            {
                var dst = dHidden.AsSpan((row0 + t) * h, h);
                System.Numerics.Tensors.TensorPrimitives.Add(dst, share, dst);
            }
        }
        Encoder.Backward(pass, dHidden);
        return loss * norm;
    }
}
