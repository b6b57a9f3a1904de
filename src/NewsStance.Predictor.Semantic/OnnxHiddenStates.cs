using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NewsStance.Encoder;

namespace NewsStance.Semantic;

/// <summary>
/// Runs a fine-tuned encoder with ONNX Runtime: its weights written into the package's graph
/// (<see cref="EncoderFactory.PatchOnnx(byte[], TransformerEncoder)"/>), so scoring costs what the frozen encoder costs. Returns the
/// last hidden states in <see cref="TransformerEncoder"/>'s layout (batch × padded length rows), so the
/// classifier's pooling and head read them unchanged. One thread per run, like <see cref="SentenceEmbedder"/>:
/// the CLI parallelises over articles. Thread-safe.
/// </summary>
internal sealed class OnnxHiddenStates : IDisposable
{
    private readonly InferenceSession _session;
    private readonly int _hidden;

    public OnnxHiddenStates(byte[] patchedOnnx, int hidden)
    {
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        _session = new InferenceSession(patchedOnnx, options);
        _hidden = hidden;
    }

    public float[] Run(EncoderBatch batch)
    {
        int n = batch.Count, len = batch.Length;
        var ids = new DenseTensor<long>([n, len]);
        var mask = new DenseTensor<long>([n, len]);
        var types = new DenseTensor<long>([n, len]);
        for (int b = 0; b < n; b++)
            for (int t = 0; t < batch.Ids[b].Length; t++)
            {
                ids[b, t] = batch.Ids[b][t];
                mask[b, t] = 1;
                types[b, t] = batch.Segments[b][t];
            }
        var inputs = new[]
        {
            NamedOnnxValue.CreateFromTensor("input_ids", ids),
            NamedOnnxValue.CreateFromTensor("attention_mask", mask),
            NamedOnnxValue.CreateFromTensor("token_type_ids", types),
        };
        using var outputs = _session.Run(inputs, ["last_hidden_state"]);
        var hidden = outputs.First().AsTensor<float>() as DenseTensor<float>
            ?? throw new InvalidOperationException("the encoder returned no dense tensor");
        var result = new float[n * len * _hidden];
        hidden.Buffer.Span[..result.Length].CopyTo(result);
        return result;
    }

    public void Dispose() => _session.Dispose();
}
