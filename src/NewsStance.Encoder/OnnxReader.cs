using System.Text;

namespace NewsStance.Encoder;

/// <summary>
/// A float initializer of an ONNX graph: its name, shape and values, and where its raw bytes sit in the
/// model file (-1 when it is not stored as raw data), so a tensor of the same size can be written back.
/// </summary>
internal sealed record OnnxTensor(string Name, long[] Dims, float[] Data, int RawOffset = -1);

/// <summary>One node of an ONNX graph: enough to find which initializer a MatMul consumes.</summary>
internal sealed record OnnxNode(string Name, string OpType, string[] Inputs, string[] Outputs);

/// <summary>
/// Reads the float initializers and the nodes of an ONNX model. ONNX is protobuf; only the handful of
/// fields needed here are decoded (ModelProto.graph, GraphProto.node/initializer, NodeProto and
/// TensorProto), so no protobuf runtime or generated code is needed.
/// </summary>
internal static class OnnxReader
{
    /// <summary>
    /// A copy of <paramref name="model"/> with the raw bytes of some initializers replaced by new values of
    /// the same size (the protobuf framing is untouched, so nothing else moves).
    /// </summary>
    public static byte[] Patch(byte[] model, IEnumerable<(OnnxTensor Tensor, float[] Values)> replacements)
    {
        var copy = (byte[])model.Clone();
        foreach (var (tensor, values) in replacements)
        {
            if (tensor.RawOffset < 0 || values.Length != tensor.Data.Length)
                throw new InvalidDataException($"initializer '{tensor.Name}' cannot be replaced in place");
            Buffer.BlockCopy(values, 0, copy, tensor.RawOffset, values.Length * 4);
        }
        return copy;
    }

    public static (IReadOnlyDictionary<string, OnnxTensor> Initializers, IReadOnlyList<OnnxNode> Nodes) Read(byte[] model)
    {
        var initializers = new Dictionary<string, OnnxTensor>(StringComparer.Ordinal);
        var nodes = new List<OnnxNode>();
        var reader = new Wire(model, 0, model.Length);
        while (reader.Next(out int field, out int type))
        {
            if (field == 7 && type == 2) // ModelProto.graph
            {
                var graph = reader.Sub();
                while (graph.Next(out int f, out int t))
                {
                    if (f == 1 && t == 2) nodes.Add(ReadNode(graph.Sub()));
                    else if (f == 5 && t == 2)
                    {
                        var tensor = ReadTensor(graph.Sub());
                        if (tensor is not null) initializers[tensor.Name] = tensor;
                    }
                    else graph.Skip(t);
                }
            }
            else reader.Skip(type);
        }
        return (initializers, nodes);
    }

    /// <summary>The names of the graph's outputs (GraphProto.output).</summary>
    public static HashSet<string> GraphOutputs(byte[] model)
    {
        var names = new HashSet<string>(StringComparer.Ordinal);
        var reader = new Wire(model, 0, model.Length);
        while (reader.Next(out int field, out int type))
        {
            if (field != 7 || type != 2) { reader.Skip(type); continue; } // ModelProto.graph
            var graph = reader.Sub();
            while (graph.Next(out int f, out int t))
            {
                if (f == 12 && t == 2) names.Add(FirstString(graph, 1)); // ValueInfoProto.name
                graph.Skip(t);
            }
        }
        return names;
    }

    /// <summary>The name of the initializer (a GraphProto.initializer field) at the cursor; the cursor is a copy, so the caller's does not move.</summary>
    internal static string InitializerName(Wire graph) => FirstString(graph, 8); // TensorProto.name

    /// <summary>The first string field <paramref name="field"/> of the sub-message at the cursor (a copy: the caller's cursor does not move).</summary>
    internal static string FirstString(Wire message, int field)
    {
        var w = message.Sub();
        while (w.Next(out int f, out int t))
        {
            if (f == field && t == 2) return w.String();
            w.Skip(t);
        }
        return "";
    }

    internal static OnnxNode ReadNode(Wire w)
    {
        string name = "", op = "";
        var inputs = new List<string>();
        var outputs = new List<string>();
        while (w.Next(out int f, out int t))
        {
            switch (f, t)
            {
                case (1, 2): inputs.Add(w.String()); break;
                case (2, 2): outputs.Add(w.String()); break;
                case (3, 2): name = w.String(); break;
                case (4, 2): op = w.String(); break;
                default: w.Skip(t); break;
            }
        }
        return new OnnxNode(name, op, [.. inputs], [.. outputs]);
    }

    /// <summary>A float tensor, or null for other element types (int64 shape constants and the like).</summary>
    private static OnnxTensor? ReadTensor(Wire w)
    {
        var dims = new List<long>();
        int dataType = 0;
        string name = "";
        float[]? data = null;
        int rawOffset = -1;
        var floats = new List<float>();
        while (w.Next(out int f, out int t))
        {
            switch (f, t)
            {
                case (1, 0): dims.Add(w.Varint()); break;
                case (1, 2): { var p = w.Sub(); while (!p.End) dims.Add(p.Varint()); break; }
                case (2, 0): dataType = (int)w.Varint(); break;
                case (4, 2): { var p = w.Sub(); while (!p.End) floats.Add(p.Float()); break; }
                case (4, 5): floats.Add(w.Float()); break;
                case (8, 2): name = w.String(); break;
                case (9, 2):
                    {
                        var bytes = w.Bytes(out int offset);
                        if (dataType == 1 || dataType == 0)
                        {
                            rawOffset = offset;
                            data = new float[bytes.Length / 4];
                            Buffer.BlockCopy(bytes.ToArray(), 0, data, 0, data.Length * 4);
                        }
                        break;
                    }
                default: w.Skip(t); break;
            }
        }
        if (dataType != 1) return null; // 1 = FLOAT
        data ??= [.. floats];
        return new OnnxTensor(name, [.. dims], data, rawOffset);
    }
}
