namespace NewsStance.Encoder;

/// <summary>Builds a <see cref="TransformerEncoder"/> from a BERT-style ONNX export, or at random for tests.</summary>
internal static class EncoderFactory
{
    /// <summary>The attention heads of an encoder <paramref name="hidden"/> wide: the BERT-small family has 32-wide heads (MiniLM and Arctic-embed-xs: 384 = 12 × 32).</summary>
    public static int HeadCount(int hidden) => hidden / 32;

    /// <summary>
    /// Reads the weights of a Hugging Face BERT export (as the SentenceTransformers packages ship it):
    /// embeddings, biases and LayerNorms are named initializers; the weight matrices are anonymous
    /// (<c>onnx::MatMul_N</c>, stored input×output) and are named here by the MatMul node that consumes them
    /// (<c>/encoder/layer.3/attention/self/query/MatMul</c>). The encoder's layers and embedding LayerNorm
    /// are made trainable when <paramref name="trainable"/> is set; embedding tables never are.
    /// </summary>
    public static TransformerEncoder FromOnnx(byte[] onnx, bool trainable, int? layers = null, int? trainTop = null) => FromOnnx(NamedWeights(onnx), trainable, layers, trainTop);

    /// <summary>
    /// The encoder from an ONNX graph's named weights (<see cref="NamedWeights"/>), its first
    /// <paramref name="layers"/> layers (all when null); with <paramref name="trainable"/>, only the top
    /// <paramref name="trainTop"/> layers train (all when null), the ones below and the embedding LayerNorm stay frozen.
    /// </summary>
    public static TransformerEncoder FromOnnx(IReadOnlyDictionary<string, OnnxTensor> named, bool trainable, int? layers = null, int? trainTop = null)
    {
        OnnxTensor Get(string name) => named.TryGetValue(name, out var t) ? t
            : throw new InvalidDataException($"the ONNX model has no weight '{name}'; it is not a BERT-style encoder this reader knows");

        var word = Get("embeddings.word_embeddings.weight");
        int hidden = (int)word.Dims[1];
        int count = LayerCount(named);
        if (count == 0) throw new InvalidDataException("the ONNX model has no encoder layers");
        int intermediate = (int)Get("encoder.layer.0.intermediate.dense.weight").Dims[1];
        int heads = HeadCount(hidden);
        var config = new EncoderConfig(layers ?? count, hidden, heads, intermediate, (int)word.Dims[0], (int)Get("embeddings.position_embeddings.weight").Dims[0]);
        int firstTrained = trainTop is { } top ? Math.Max(0, config.Layers - top) : 0;
        Parameter P(string name, bool train) => new(name, (float[])Get(name).Data.Clone(), train && trainable);
        var list = new List<EncoderLayer>();
        for (int l = 0; l < config.Layers; l++)
        {
            string p = $"encoder.layer.{l}.";
            bool train = l >= firstTrained;
            var q = Get(p + "attention.self.query.weight"); var k = Get(p + "attention.self.key.weight"); var v = Get(p + "attention.self.value.weight");
            list.Add(new EncoderLayer
            {
                Qkv = new Parameter(p + "attention.qkv.weight", Concat(q.Data, k.Data, v.Data, hidden, hidden), trainable && train),
                QkvBias = new Parameter(p + "attention.qkv.bias", [.. Get(p + "attention.self.query.bias").Data, .. Get(p + "attention.self.key.bias").Data, .. Get(p + "attention.self.value.bias").Data], trainable && train),
                Output = P(p + "attention.output.dense.weight", train),
                OutputBias = P(p + "attention.output.dense.bias", train),
                Norm1Gamma = P(p + "attention.output.LayerNorm.weight", train),
                Norm1Beta = P(p + "attention.output.LayerNorm.bias", train),
                Up = P(p + "intermediate.dense.weight", train),
                UpBias = P(p + "intermediate.dense.bias", train),
                Down = P(p + "output.dense.weight", train),
                DownBias = P(p + "output.dense.bias", train),
                Norm2Gamma = P(p + "output.LayerNorm.weight", train),
                Norm2Beta = P(p + "output.LayerNorm.bias", train),
            });
        }
        return new TransformerEncoder(config, P("embeddings.word_embeddings.weight", false), P("embeddings.position_embeddings.weight", false),
            P("embeddings.token_type_embeddings.weight", false), P("embeddings.LayerNorm.weight", firstTrained == 0), P("embeddings.LayerNorm.bias", firstTrained == 0), list);
    }

    /// <summary>How many encoder layers the graph has.</summary>
    public static int LayerCount(IReadOnlyDictionary<string, OnnxTensor> named)
    {
        int count = 0;
        while (named.ContainsKey($"encoder.layer.{count}.attention.self.query.weight")) count++;
        return count;
    }

    /// <summary>The graph's float weights by their Hugging Face names, the MatMul weights named by the node that consumes them.</summary>
    public static Dictionary<string, OnnxTensor> NamedWeights(byte[] onnx)
    {
        var (initializers, nodes) = OnnxReader.Read(onnx);
        var named = new Dictionary<string, OnnxTensor>(initializers, StringComparer.Ordinal);
        foreach (var node in nodes)
        {
            if (node.OpType != "MatMul" || !node.Name.EndsWith("/MatMul", StringComparison.Ordinal)) continue;
            var weight = node.Inputs.FirstOrDefault(i => initializers.ContainsKey(i) && i.StartsWith("onnx::", StringComparison.Ordinal));
            if (weight is null) continue;
            var name = node.Name[1..^"/MatMul".Length].Replace('/', '.') + ".weight";
            named[name] = initializers[weight];
        }
        return named;
    }

    /// <summary>
    /// The ONNX model with <paramref name="encoder"/>'s weights written into it (same graph, same sizes), so
    /// ONNX Runtime can run a fine-tuned encoder as fast as the packaged one. An encoder that keeps fewer
    /// layers than the graph gets the graph cut to match (<see cref="OnnxLayerCut"/>).
    /// </summary>
    public static byte[] PatchOnnx(byte[] onnx, TransformerEncoder encoder) => PatchOnnx(onnx, NamedWeights(onnx), encoder);

    /// <inheritdoc cref="PatchOnnx(byte[], TransformerEncoder)"/>
    public static byte[] PatchOnnx(byte[] onnx, IReadOnlyDictionary<string, OnnxTensor> named, TransformerEncoder encoder)
    {
        int h = encoder.Config.Hidden;
        var replacements = new List<(OnnxTensor, float[])>
        {
            (named["embeddings.LayerNorm.weight"], encoder.NormGamma.Value),
            (named["embeddings.LayerNorm.bias"], encoder.NormBeta.Value),
        };
        for (int l = 0; l < encoder.Layers.Count; l++)
        {
            var layer = encoder.Layers[l];
            string p = $"encoder.layer.{l}.";
            string[] qkv = ["query", "key", "value"];
            for (int part = 0; part < 3; part++)
            {
                var w = new float[h * h];
                for (int i = 0; i < h; i++) Array.Copy(layer.Qkv.Value, i * 3 * h + part * h, w, i * h, h);
                replacements.Add((named[p + $"attention.self.{qkv[part]}.weight"], w));
                replacements.Add((named[p + $"attention.self.{qkv[part]}.bias"], layer.QkvBias.Value[(part * h)..((part + 1) * h)]));
            }
            replacements.Add((named[p + "attention.output.dense.weight"], layer.Output.Value));
            replacements.Add((named[p + "attention.output.dense.bias"], layer.OutputBias.Value));
            replacements.Add((named[p + "attention.output.LayerNorm.weight"], layer.Norm1Gamma.Value));
            replacements.Add((named[p + "attention.output.LayerNorm.bias"], layer.Norm1Beta.Value));
            replacements.Add((named[p + "intermediate.dense.weight"], layer.Up.Value));
            replacements.Add((named[p + "intermediate.dense.bias"], layer.UpBias.Value));
            replacements.Add((named[p + "output.dense.weight"], layer.Down.Value));
            replacements.Add((named[p + "output.dense.bias"], layer.DownBias.Value));
            replacements.Add((named[p + "output.LayerNorm.weight"], layer.Norm2Gamma.Value));
            replacements.Add((named[p + "output.LayerNorm.bias"], layer.Norm2Beta.Value));
        }
        // Weights are written in place first (their offsets are the original file's), then the upper layers cut.
        return OnnxLayerCut.KeepLayers(OnnxReader.Patch(onnx, replacements), encoder.Layers.Count);
    }

    /// <summary>A small random encoder (for tests and for a tiny configuration that trains in seconds).</summary>
    public static TransformerEncoder Random(EncoderConfig config, int seed, bool trainEmbeddingNorm = true)
    {
        var random = new Random(seed);
        float[] R(int n, float scale = 0.1f) { var a = new float[n]; for (int i = 0; i < n; i++) a[i] = (random.NextSingle() * 2 - 1) * scale; return a; }
        float[] Ones(int n) { var a = new float[n]; Array.Fill(a, 1f); for (int i = 0; i < n; i++) a[i] += (random.NextSingle() - 0.5f) * 0.2f; return a; }
        int h = config.Hidden, i = config.Intermediate;
        var layers = Enumerable.Range(0, config.Layers).Select(l => new EncoderLayer
        {
            Qkv = new($"l{l}.qkv", R(h * 3 * h, 0.3f), true), QkvBias = new($"l{l}.qkvb", R(3 * h), true),
            Output = new($"l{l}.o", R(h * h, 0.3f), true), OutputBias = new($"l{l}.ob", R(h), true),
            Norm1Gamma = new($"l{l}.n1g", Ones(h), true), Norm1Beta = new($"l{l}.n1b", R(h), true),
            Up = new($"l{l}.up", R(h * i, 0.3f), true), UpBias = new($"l{l}.upb", R(i), true),
            Down = new($"l{l}.down", R(i * h, 0.3f), true), DownBias = new($"l{l}.downb", R(h), true),
            Norm2Gamma = new($"l{l}.n2g", Ones(h), true), Norm2Beta = new($"l{l}.n2b", R(h), true),
        }).ToList();
        return new TransformerEncoder(config, new("word", R(config.Vocabulary * h, 1f), false), new("pos", R(config.MaxPositions * h, 0.5f), false),
            new("seg", R(2 * h, 0.5f), false), new("eg", Ones(h), trainEmbeddingNorm), new("eb", R(h), trainEmbeddingNorm), layers);
    }

    /// <summary>Three [rows×cols] matrices side by side: [rows × 3·cols].</summary>
    private static float[] Concat(float[] a, float[] b, float[] c, int rows, int cols)
    {
        var r = new float[rows * 3 * cols];
        for (int i = 0; i < rows; i++)
        {
            Array.Copy(a, i * cols, r, i * 3 * cols, cols);
            Array.Copy(b, i * cols, r, i * 3 * cols + cols, cols);
            Array.Copy(c, i * cols, r, i * 3 * cols + 2 * cols, cols);
        }
        return r;
    }
}
