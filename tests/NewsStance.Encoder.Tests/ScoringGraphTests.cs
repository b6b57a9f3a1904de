using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NewsStance.Semantic;

namespace NewsStance.Encoder.Tests;

public class ScoringGraphTests
{
    [Fact]
    public void Fused_attention_and_folded_biases_give_the_plain_int8_graphs_hidden_states()
    {
        // Given the int8 graph as the plain rewrite makes it (every MatMul swapped, the exported attention
        // kept) and the scoring graph (biases folded into the products, attention fused)
        var model = SentenceModel.ArcticXs;
        var onnx = model.LoadOnnx();
        var scoring = ScoringGraph.Build(onnx);
        var (_, nodes) = OnnxReader.Read(scoring);
        using var plain = new InferenceSession(OnnxQuantizer.QuantizeWeights(onnx, foldBiases: false));
        using var fused = new InferenceSession(scoring);
        var tokenizer = new WordTokenizer(model, 128);
        var sentences = OnnxParityTests.Sentences();

        // When both encode 100 sentences one at a time, and then a padded batch of eight
        float worst = 0;
        foreach (var sentence in sentences)
        {
            var ids = tokenizer.Tokenize(sentence).Ids.ToArray();
            worst = Math.Max(worst, MaxDifference(Hidden(plain, [ids]), Hidden(fused, [ids]), [ids.Length], ids.Length));
        }
        var batch = sentences.Take(8).Select(s => tokenizer.Tokenize(s).Ids.ToArray()).ToArray();
        int longest = batch.Max(b => b.Length);
        float batchWorst = MaxDifference(Hidden(plain, batch), Hidden(fused, batch), batch.Select(b => b.Length).ToArray(), longest);

        // Then every token's state agrees, one graph has one attention kernel per layer and no bias Adds
        Assert.True(worst <= 1e-5f, $"max abs difference {worst}");
        Assert.True(batchWorst <= 1e-5f, $"max abs difference in a padded batch {batchWorst}");
        Assert.Equal(6, nodes.Count(n => n.OpType == "MultiHeadAttention"));
        Assert.DoesNotContain(nodes, n => n.OpType is "Softmax" or "Transpose");
        Assert.Equal(36, nodes.Count(n => n.OpType == "DynamicQuantizeMatMul" && n.Inputs.Length == 5));
    }

    [Fact]
    public void A_graph_without_the_exported_attention_shape_is_left_as_it_is()
    {
        var plain = OnnxQuantizer.QuantizeWeights(SentenceModel.ArcticXs.LoadOnnx());
        var (_, nodes) = OnnxReader.Read(plain);
        var fusedOnce = OnnxAttentionFusion.Fuse(plain);

        Assert.Equal(fusedOnce, OnnxAttentionFusion.Fuse(fusedOnce)); // nothing left to fuse
        Assert.Contains(nodes, n => n.OpType == "Softmax");
    }

    /// <summary>last_hidden_state of a right-padded batch.</summary>
    private static float[] Hidden(InferenceSession session, long[][] batch)
    {
        int n = batch.Length, len = batch.Max(b => b.Length);
        var ids = new DenseTensor<long>([n, len]);
        var mask = new DenseTensor<long>([n, len]);
        for (int r = 0; r < n; r++)
            for (int t = 0; t < batch[r].Length; t++)
            {
                ids[r, t] = batch[r][t];
                mask[r, t] = 1;
            }
        var inputs = new[]
        {
            NamedOnnxValue.CreateFromTensor("input_ids", ids),
            NamedOnnxValue.CreateFromTensor("attention_mask", mask),
            NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>([n, len])),
        };
        using var outputs = session.Run(inputs);
        return outputs.First(o => o.Name == "last_hidden_state").AsTensor<float>().ToArray();
    }

    /// <summary>The largest difference over the real (unpadded) tokens of each row.</summary>
    private static float MaxDifference(float[] x, float[] y, int[] lengths, int len)
    {
        float worst = 0;
        for (int r = 0; r < lengths.Length; r++)
            for (int i = r * len * 384; i < (r * len + lengths[r]) * 384; i++)
                worst = Math.Max(worst, Math.Abs(x[i] - y[i]));
        return worst;
    }
}
