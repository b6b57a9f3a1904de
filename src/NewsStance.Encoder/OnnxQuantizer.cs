using System.Text;

namespace NewsStance.Encoder;

/// <summary>
/// Rewrites an ONNX graph so its weight products run in int8: every MatMul whose second input is a
/// 2-D float initializer becomes ONNX Runtime's <c>com.microsoft.DynamicQuantizeMatMul</c> over that
/// weight quantized symmetrically per column (int8, scale = max |w| / 127, zero point 0); the activations
/// are quantized per run by the operator itself. On a CPU with AVX-512 VNNI this is what ONNX Runtime's
/// own dynamic quantization produces, done here because its Python tooling is not available. Products
/// of two activations (attention scores) stay in float. Other fields are copied byte for byte.
/// </summary>
internal static class OnnxQuantizer
{
    /// <summary>
    /// The version of the rewrite. Cached graphs are keyed by it: bump it whenever <see cref="QuantizeWeights"/>
    /// would write other bytes for the same model (a test holds the checksum of the ArcticXs graph).
    /// </summary>
    public const int Version = 1;

    private const int Float = 1, Int8 = 3;
    private const string Domain = "com.microsoft";

    public static byte[] QuantizeWeights(byte[] model)
    {
        var (initializers, nodes) = OnnxReader.Read(model);
        var weights = nodes.Where(n => n.OpType == "MatMul" && n.Inputs.Length == 2
                && initializers.TryGetValue(n.Inputs[1], out var w) && w.Dims.Length == 2)
            .Select(n => n.Inputs[1]).ToHashSet(StringComparer.Ordinal);
        // A weight read by anything but a quantized MatMul keeps its float copy.
        var stillRead = nodes.Where(n => !IsWeightProduct(n, weights))
            .SelectMany(n => n.Inputs).ToHashSet(StringComparer.Ordinal);

        var rewritten = Protobuf.ReplaceField(model, 7, graph => RewriteGraph(model, graph, initializers, weights, stillRead)); // ModelProto.graph
        if (HasOpset(model, Domain)) return rewritten;
        // A repeated field appended at the end of a message is one more element: the contrib domain's opset_import.
        using var output = new MemoryStream(rewritten.Length + 32);
        output.Write(rewritten);
        using var opset = new MemoryStream();
        Protobuf.WriteField(opset, 1, Encoding.UTF8.GetBytes(Domain));
        Protobuf.WriteVarintField(opset, 2, 1);
        Protobuf.WriteField(output, 8, opset.ToArray()); // ModelProto.opset_import
        return output.ToArray();
    }

    /// <summary>A MatMul whose second input is one of the weights being quantized.</summary>
    private static bool IsWeightProduct(OnnxNode node, HashSet<string> weights)
        => node.OpType == "MatMul" && node.Inputs.Length == 2 && weights.Contains(node.Inputs[1]);

    private static bool HasOpset(byte[] model, string domain)
    {
        var reader = new Wire(model, 0, model.Length);
        while (reader.Next(out int field, out int type))
        {
            if (field == 8 && type == 2 && OnnxReader.FirstString(reader, 1) == domain) return true; // ModelProto.opset_import's domain
            reader.Skip(type);
        }
        return false;
    }

    private static byte[] RewriteGraph(byte[] model, Wire graph, IReadOnlyDictionary<string, OnnxTensor> initializers, HashSet<string> weights, HashSet<string> stillRead)
    {
        using var output = new MemoryStream();
        int start = graph.Position;
        while (graph.Next(out int field, out int type))
        {
            if (field == 1 && type == 2) // GraphProto.node
            {
                var node = OnnxReader.ReadNode(graph.Sub());
                if (IsWeightProduct(node, weights))
                    Protobuf.WriteField(output, 1, QuantizedNode(node));
                else output.Write(model, start, graph.Position - start);
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

    private static byte[] QuantizedNode(OnnxNode node)
    {
        using var output = new MemoryStream();
        string w = node.Inputs[1];
        foreach (var input in new[] { node.Inputs[0], w + "_int8", w + "_scale", w + "_zero" })
            Protobuf.WriteField(output, 1, Encoding.UTF8.GetBytes(input));
        foreach (var o in node.Outputs) Protobuf.WriteField(output, 2, Encoding.UTF8.GetBytes(o));
        Protobuf.WriteField(output, 3, Encoding.UTF8.GetBytes(node.Name + "_int8"));
        Protobuf.WriteField(output, 4, "DynamicQuantizeMatMul"u8.ToArray());
        Protobuf.WriteField(output, 7, Encoding.UTF8.GetBytes(Domain));
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
