using System.Text;

namespace NewsStance.Encoder;

/// <summary>
/// Rewrites an ONNX graph so its weight products run in int8: every MatMul whose second input is a
/// 2-D float initializer becomes ONNX Runtime's <c>com.microsoft.DynamicQuantizeMatMul</c> over that
/// weight quantized symmetrically per column (int8, scale = max |w| / 127, zero point 0); the activations
/// are quantized per run by the operator itself. On a CPU with AVX-512 VNNI this is what ONNX Runtime's
/// own dynamic quantization produces, done here because its Python tooling is not available. A bias Add
/// that is the product's only reader (x·W + b) is folded into the operator's bias input: one kernel
/// instead of two, which on a short quote is a noticeable share of a run's fixed cost.
/// Products of two activations (attention scores) stay in float. Other fields are copied byte for byte.
/// </summary>
internal static class OnnxQuantizer
{
    /// <summary>
    /// The version of the rewrite. Cached graphs are keyed by it: bump it whenever <see cref="QuantizeWeights"/>
    /// would write other bytes for the same model (a test holds the checksum of the ArcticXs graph).
    /// </summary>
    public const int Version = 2;

    private const int Float = 1, Int8 = 3;

    /// <param name="model">An ONNX model.</param>
    /// <param name="foldBiases">Fold each product's bias Add into it (off only to compare against the plain rewrite).</param>
    public static byte[] QuantizeWeights(byte[] model, bool foldBiases = true)
    {
        var (initializers, nodes) = OnnxReader.Read(model);
        var weights = nodes.Where(n => n.OpType == "MatMul" && n.Inputs.Length == 2
                && initializers.TryGetValue(n.Inputs[1], out var w) && w.Dims.Length == 2)
            .Select(n => n.Inputs[1]).ToHashSet(StringComparer.Ordinal);
        // A weight read by anything but a quantized MatMul keeps its float copy.
        var stillRead = nodes.Where(n => !IsWeightProduct(n, weights))
            .SelectMany(n => n.Inputs).ToHashSet(StringComparer.Ordinal);

        var biases = foldBiases ? FoldableBiases(nodes, initializers, weights) : new(StringComparer.Ordinal);
        var rewritten = Protobuf.ReplaceField(model, 7, graph => RewriteGraph(model, graph, initializers, weights, stillRead, biases)); // ModelProto.graph
        return ContribOps.EnsureImported(rewritten);
    }

    /// <summary>A MatMul whose second input is one of the weights being quantized.</summary>
    private static bool IsWeightProduct(OnnxNode node, HashSet<string> weights)
        => node.OpType == "MatMul" && node.Inputs.Length == 2 && weights.Contains(node.Inputs[1]);

    /// <summary>
    /// The bias Adds to fold and their bias, by the name of the product they follow: an Add that is the only
    /// reader of a weight product's output and whose other input is a 1-D float initializer as wide as the product.
    /// </summary>
    private static Dictionary<string, (OnnxNode Add, string Bias)> FoldableBiases(IReadOnlyList<OnnxNode> nodes, IReadOnlyDictionary<string, OnnxTensor> initializers, HashSet<string> weights)
    {
        var readers = nodes.SelectMany(n => n.Inputs.Select(i => (Input: i, Node: n)))
            .ToLookup(x => x.Input, x => x.Node, StringComparer.Ordinal);
        var folds = new Dictionary<string, (OnnxNode, string)>(StringComparer.Ordinal);
        foreach (var product in nodes.Where(n => IsWeightProduct(n, weights) && n.Outputs.Length == 1))
        {
            var read = readers[product.Outputs[0]].ToList();
            if (read.Count != 1 || read[0] is not { OpType: "Add", Inputs.Length: 2, Outputs.Length: 1 } add) continue;
            string bias = add.Inputs[0] == product.Outputs[0] ? add.Inputs[1] : add.Inputs[0];
            if (initializers.TryGetValue(bias, out var b) && b.Dims.Length == 1 && b.Dims[0] == initializers[product.Inputs[1]].Dims[1])
                folds[product.Name] = (add, bias);
        }
        return folds;
    }

    private static byte[] RewriteGraph(byte[] model, Wire graph, IReadOnlyDictionary<string, OnnxTensor> initializers, HashSet<string> weights, HashSet<string> stillRead, Dictionary<string, (OnnxNode Add, string Bias)> biases)
    {
        var folded = biases.Values.Select(b => b.Add.Name).ToHashSet(StringComparer.Ordinal);
        using var output = new MemoryStream();
        int start = graph.Position;
        while (graph.Next(out int field, out int type))
        {
            if (field == 1 && type == 2) // GraphProto.node
            {
                var node = OnnxReader.ReadNode(graph.Sub());
                if (IsWeightProduct(node, weights))
                    Protobuf.WriteField(output, 1, QuantizedNode(node, biases.TryGetValue(node.Name, out var bias) ? bias : null));
                else if (!folded.Contains(node.Name)) output.Write(model, start, graph.Position - start);
            }
            else if (field == 5 && type == 2 && OnnxReader.InitializerName(graph) is var name && weights.Contains(name))
            {
                graph.Skip(type);
                if (stillRead.Contains(name)) output.Write(model, start, graph.Position - start);
                foreach (var tensor in Quantize(initializers[name])) Protobuf.WriteField(output, 5, tensor);
            }
            else output.Write(model, start, Protobuf.SkipFrom(ref graph, type) - start);
            start = graph.Position;
        }
        return output.ToArray();
    }

    /// <summary>The product as DynamicQuantizeMatMul; with <paramref name="bias"/>, that Add's bias and output taken over.</summary>
    private static byte[] QuantizedNode(OnnxNode node, (OnnxNode Add, string Bias)? bias)
    {
        using var output = new MemoryStream();
        string w = node.Inputs[1];
        var inputs = new List<string> { node.Inputs[0], w + "_int8", w + "_scale", w + "_zero" };
        if (bias is { } b) inputs.Add(b.Bias);
        foreach (var input in inputs) Protobuf.WriteField(output, 1, Encoding.UTF8.GetBytes(input));
        foreach (var o in bias?.Add.Outputs ?? node.Outputs) Protobuf.WriteField(output, 2, Encoding.UTF8.GetBytes(o));
        Protobuf.WriteField(output, 3, Encoding.UTF8.GetBytes(node.Name + "_int8"));
        Protobuf.WriteField(output, 4, "DynamicQuantizeMatMul"u8.ToArray());
        Protobuf.WriteField(output, 7, Encoding.UTF8.GetBytes(ContribOps.Domain));
        return output.ToArray();
    }

    /// <summary>The int8 weight [K×N], its per-column scales [N] and zero points [N] (all 0).</summary>
    private static IEnumerable<byte[]> Quantize(OnnxTensor weight)
    {
        int rows = (int)weight.Dims[0], cols = (int)weight.Dims[1];
        var scale = new float[cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                scale[c] = Math.Max(scale[c], Math.Abs(weight.Data[r * cols + c]));
        for (int c = 0; c < cols; c++) scale[c] = scale[c] > 0 ? scale[c] / 127f : 1f;
        var q = new byte[rows * cols];
        for (int r = 0; r < rows; r++)
            for (int c = 0; c < cols; c++)
                q[r * cols + c] = (byte)(sbyte)Math.Clamp(MathF.Round(weight.Data[r * cols + c] / scale[c]), -127, 127);
        var scaleBytes = new byte[cols * 4];
        Buffer.BlockCopy(scale, 0, scaleBytes, 0, scaleBytes.Length);
        yield return Tensor(weight.Name + "_int8", [rows, cols], Int8, q);
        yield return Tensor(weight.Name + "_scale", [cols], Float, scaleBytes);
        yield return Tensor(weight.Name + "_zero", [cols], Int8, new byte[cols]);
    }

    private static byte[] Tensor(string name, long[] dims, int dataType, byte[] raw)
    {
        using var output = new MemoryStream(raw.Length + 64);
        foreach (var d in dims) Protobuf.WriteVarintField(output, 1, (ulong)d);
        Protobuf.WriteVarintField(output, 2, (ulong)dataType);
        Protobuf.WriteField(output, 8, Encoding.UTF8.GetBytes(name));
        Protobuf.WriteField(output, 9, raw);
        return output.ToArray();
    }
}
