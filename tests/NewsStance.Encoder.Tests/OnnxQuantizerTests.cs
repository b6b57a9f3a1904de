using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NewsStance.Semantic;

namespace NewsStance.Encoder.Tests;

public class OnnxQuantizerTests
{
    [Fact]
    public void Int8_weights_keep_every_sentence_vector_close_to_the_float_graph()
    {
        // Given the packaged Arctic-embed-xs graph and its int8 rewrite
        var model = SentenceModel.ArcticXs;
        var onnx = model.LoadOnnx();
        var quantized = OnnxQuantizer.QuantizeWeights(onnx);
        using var floatSession = new InferenceSession(onnx);
        using var int8Session = new InferenceSession(quantized);
        var tokenizer = new WordTokenizer(model, 128);

        // When both encode the same 100 sentences
        double worst = 1;
        foreach (var sentence in OnnxParityTests.Sentences())
        {
            var ids = tokenizer.Tokenize(sentence).Ids.ToArray();
            worst = Math.Min(worst, Cosine(Cls(floatSession, ids), Cls(int8Session, ids)));
        }

        // Then the [CLS] vectors agree in direction, and no float weight product is left
        Assert.True(worst >= 0.995, $"lowest cosine {worst:F4}");
        var (initializers, nodes) = OnnxReader.Read(quantized);
        Assert.DoesNotContain(nodes, n => n.OpType == "MatMul" && initializers.ContainsKey(n.Inputs[1]));
        Assert.Equal(36, nodes.Count(n => n.OpType == "DynamicQuantizeMatMul")); // 6 per layer × 6 layers
        Assert.True(quantized.Length < onnx.Length * 0.7, $"{quantized.Length} bytes against {onnx.Length}");
    }

    private static float[] Cls(InferenceSession session, long[] ids)
    {
        int n = ids.Length;
        var inputs = new[]
        {
            NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids, [1, n])),
            NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(Enumerable.Repeat(1L, n).ToArray(), [1, n])),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[n], [1, n])),
        };
        using var outputs = session.Run(inputs);
        return outputs.First(o => o.Name == "last_hidden_state").AsTensor<float>().ToArray()[..384];
    }

    private static double Cosine(float[] x, float[] y)
    {
        double dot = 0, nx = 0, ny = 0;
        for (int j = 0; j < x.Length; j++) { dot += x[j] * y[j]; nx += x[j] * x[j]; ny += y[j] * y[j]; }
        return dot / Math.Sqrt(nx * ny);
    }
}
