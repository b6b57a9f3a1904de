using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NewsStance.Semantic;

namespace NewsStance.Encoder.Tests;

public class OnnxParityTests
{
    /// <summary>Sentences of many lengths and shapes; the test writes them itself.</summary>
    internal static List<string> Sentences()
    {
        string[] subjects = ["The mayor", "Union leader Ana Ruiz", "A spokesman for the ministry", "She", "Critics of the plan", "The central bank"];
        string[] verbs = ["said", "warned", "told reporters", "insisted", "denied", "argued"];
        string[] contents = [
            "the budget would not cover the repairs",
            "\u201CWe are not asking for the moon,\u201D and the strike would go on until the port listened",
            "prices had risen for the third month in a row, the steepest climb since 2019",
            "nothing",
            "the new tram line was a disaster for small shops, a gift to developers and, frankly, an insult to everyone who lives on Main Street",
        ];
        var list = new List<string>();
        for (int i = 0; list.Count < 100; i++)
            list.Add($"{subjects[i % subjects.Length]} {verbs[i / 3 % verbs.Length]} {contents[i % contents.Length]}{(i % 4 == 0 ? "." : "")}" + (i % 7 == 0 ? " " + contents[(i + 2) % contents.Length] : ""));
        return list;
    }

    [Fact]
    public void Forward_pass_reproduces_onnx_runtime_last_hidden_state()
    {
        // Given the packaged Arctic-embed-xs graph, run by ONNX Runtime and by the C# encoder
        var model = SentenceModel.ArcticXs;
        var onnx = model.LoadOnnx();
        var encoder = EncoderFactory.FromOnnx(onnx, trainable: false);
        using var session = new InferenceSession(onnx);
        var tokenizer = new WordTokenizer(model, 128);
        float worst = 0;
        foreach (var sentence in Sentences())
        {
            var ids = tokenizer.Tokenize(sentence).Ids;
            int n = ids.Length;
            var inputs = new[]
            {
                NamedOnnxValue.CreateFromTensor("input_ids", new DenseTensor<long>(ids.ToArray(), [1, n])),
                NamedOnnxValue.CreateFromTensor("attention_mask", new DenseTensor<long>(Enumerable.Repeat(1L, n).ToArray(), [1, n])),
                NamedOnnxValue.CreateFromTensor("token_type_ids", new DenseTensor<long>(new long[n], [1, n])),
            };
            using var outputs = session.Run(inputs);
            var expected = outputs.First(o => o.Name == "last_hidden_state").AsTensor<float>().ToArray();

            // When
            var pass = encoder.Forward(new EncoderBatch([ids.Select(i => (int)i).ToArray()], [new int[n]]));

            // Then
            for (int t = 0; t < n; t++)
                for (int j = 0; j < 384; j++)
                    worst = Math.Max(worst, Math.Abs(expected[t * 384 + j] - pass.Output[t * 384 + j]));
        }
        Assert.True(worst <= 1e-4f, $"max abs difference {worst}");
    }

    [Theory]
    [InlineData(6)] // every layer of the graph: weights replaced in place
    [InlineData(2)] // fewer layers (--encoder-layers 2): the graph's upper layers are cut
    public void Fine_tuned_weights_written_into_the_graph_run_the_same_in_onnx_runtime(int layers)
    {
        // Given the packaged encoder's first layers with every trainable weight moved, as fine-tuning moves them
        var model = SentenceModel.ArcticXs;
        var onnx = model.LoadOnnx();
        var encoder = EncoderFactory.FromOnnx(onnx, trainable: true, layers);
        var random = new Random(8);
        foreach (var p in encoder.Parameters.Where(p => p.Trainable))
            for (int i = 0; i < p.Length; i++) p.Value[i] += (random.NextSingle() - 0.5f) * 0.02f;
        var tokenizer = new WordTokenizer(model, 64);
        var ids = Sentences().Take(12).Select(s => tokenizer.Tokenize(s).Ids.Select(i => (int)i).ToArray()).ToArray();
        var segments = ids.Select((x, b) => x.Select((_, t) => b % 2 == 1 && t > x.Length / 2 ? 1 : 0).ToArray()).ToArray();
        var batch = new EncoderBatch(ids, segments);

        // When
        var patched = EncoderFactory.PatchOnnx(onnx, encoder);
        using var runtime = new OnnxHiddenStates(patched, 384);
        using var fused = new OnnxHiddenStates(OnnxAttentionFusion.Fuse(patched), 384);
        var expected = encoder.Forward(batch).Output;
        var actual = runtime.Run(batch);
        var actualFused = fused.Run(batch);

        // Then: every real token's state agrees (padding rows are never read), with the attention as exported
        // and fused, and a cut graph no longer carries the upper layers' weights
        float worst = 0, worstFused = 0;
        for (int b = 0; b < batch.Count; b++)
            for (int t = 0; t < ids[b].Length; t++)
                for (int j = 0; j < 384; j++)
                {
                    int i = (b * batch.Length + t) * 384 + j;
                    worst = Math.Max(worst, Math.Abs(expected[i] - actual[i]));
                    worstFused = Math.Max(worstFused, Math.Abs(expected[i] - actualFused[i]));
                }
        Assert.True(worst <= 1e-4f, $"max abs difference {worst}");
        Assert.True(worstFused <= 1e-4f, $"max abs difference with attention fused {worstFused}");
        Assert.Equal(layers, EncoderFactory.LayerCount(EncoderFactory.NamedWeights(patched)));
    }

    [Fact]
    public void A_sequence_encodes_the_same_alone_and_padded_in_a_batch()
    {
        var encoder = EncoderFactory.Random(new EncoderConfig(2, 64, 2, 128, 50, 40), seed: 3);
        int[] shortIds = [1, 5, 9], longIds = [1, 4, 4, 8, 22, 31, 2, 7, 9, 10, 2];
        var alone = encoder.Forward(new EncoderBatch([shortIds], [new int[3]])).Output;
        var batch = new EncoderBatch([longIds, shortIds], [new int[longIds.Length], new int[3]]);
        var together = encoder.Forward(batch).Output;
        for (int t = 0; t < 3; t++)
            for (int j = 0; j < 64; j++)
                Assert.Equal(alone[t * 64 + j], together[(batch.Length + t) * 64 + j], 5);
    }
}
