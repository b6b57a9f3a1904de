using System.Text;

namespace NewsStance.Encoder;

/// <summary>
/// One edit of an ONNX graph's node list, found on <see cref="OnnxReader.Read"/>'s nodes (by index): nodes
/// removed, nodes written in place of some of them, nodes put first. <see cref="Apply"/> also drops what only
/// removed nodes read (shape arithmetic, constants), and leaves the model as it was when a kept node would
/// read a value that no longer exists. Fields other than the nodes are copied byte for byte.
/// </summary>
internal sealed class OnnxGraphEdit
{
    private readonly IReadOnlyList<OnnxNode> nodes;
    private readonly HashSet<int> _removed = [];
    private readonly Dictionary<int, byte[]> _replacements = [];
    private readonly List<byte[]> _first = [];
    private readonly HashSet<string> _read = new(StringComparer.Ordinal);

    public OnnxGraphEdit(IReadOnlyList<OnnxNode> nodes)
    {
        this.nodes = nodes;
        for (int i = 0; i < nodes.Count; i++)
            foreach (var o in nodes[i].Outputs) Producer[o] = i;
        Readers = nodes.SelectMany((n, i) => n.Inputs.Select(input => (input, i))).ToLookup(x => x.input, x => x.i, StringComparer.Ordinal);
    }

    /// <summary>The node (index) that writes each value.</summary>
    public Dictionary<string, int> Producer { get; } = new(StringComparer.Ordinal);

    /// <summary>The nodes (indices) that read each value.</summary>
    public ILookup<string, int> Readers { get; }

    public bool IsEmpty => _replacements.Count == 0 && _removed.Count == 0;

    /// <summary>Removes <paramref name="block"/> and writes <paramref name="node"/> where <paramref name="at"/> (one of the block) was, reading <paramref name="reads"/>.</summary>
    public void Replace(IEnumerable<int> block, int at, byte[] node, IEnumerable<string> reads)
    {
        _removed.UnionWith(block);
        _removed.Add(at);
        _replacements[at] = node;
        _read.UnionWith(reads);
    }

    /// <summary>Writes <paramref name="node"/> before every other node.</summary>
    public void Prepend(byte[] node) => _first.Add(node);

    public byte[] Apply(byte[] model)
    {
        if (IsEmpty) return model;
        var outputs = OnnxReader.GraphOutputs(model);
        var removed = new HashSet<int>(_removed);
        for (bool changed = true; changed;)
        {
            changed = false;
            for (int i = 0; i < nodes.Count; i++)
            {
                if (removed.Contains(i) || nodes[i].Outputs.Any(o => outputs.Contains(o) || _read.Contains(o))) continue;
                if (nodes[i].Outputs.All(o => Readers[o].All(removed.Contains)))
                {
                    removed.Add(i);
                    changed = true;
                }
            }
        }
        // A replacement writes the output of the node it stands for; any other removed value must have no kept reader.
        bool Gone(string value) => Producer.TryGetValue(value, out var p) && removed.Contains(p) && !_replacements.ContainsKey(p);
        if (Enumerable.Range(0, nodes.Count).Any(i => !removed.Contains(i) && nodes[i].Inputs.Any(Gone))) return model;

        var rewritten = Protobuf.ReplaceField(model, 7, graph => Rewrite(model, graph, removed)); // ModelProto.graph
        return ContribOps.EnsureImported(rewritten);
    }

    private byte[] Rewrite(byte[] model, Wire graph, HashSet<int> removed)
    {
        using var output = new MemoryStream();
        int start = graph.Position, index = 0;
        while (graph.Next(out int field, out int type))
        {
            if (field == 1 && type == 2) // GraphProto.node
            {
                graph.Skip(type);
                if (index == 0)
                    foreach (var node in _first) Protobuf.WriteField(output, 1, node);
                if (_replacements.TryGetValue(index, out var replacement)) Protobuf.WriteField(output, 1, replacement);
                else if (!removed.Contains(index)) output.Write(model, start, graph.Position - start);
                index++;
            }
            else output.Write(model, start, Protobuf.SkipFrom(ref graph, type) - start);
            start = graph.Position;
        }
        return output.ToArray();
    }

    /// <summary>A NodeProto; <paramref name="attributes"/> are AttributeProtos (<see cref="IntAttribute"/>).</summary>
    public static byte[] Node(string name, string op, string? domain, IEnumerable<string> inputs, IEnumerable<string> outputs, params byte[][] attributes)
    {
        using var node = new MemoryStream();
        foreach (var input in inputs) Protobuf.WriteField(node, 1, Encoding.UTF8.GetBytes(input));
        foreach (var o in outputs) Protobuf.WriteField(node, 2, Encoding.UTF8.GetBytes(o));
        Protobuf.WriteField(node, 3, Encoding.UTF8.GetBytes(name));
        Protobuf.WriteField(node, 4, Encoding.UTF8.GetBytes(op));
        foreach (var a in attributes) Protobuf.WriteField(node, 5, a);
        if (domain is not null) Protobuf.WriteField(node, 7, Encoding.UTF8.GetBytes(domain));
        return node.ToArray();
    }

    /// <summary>An AttributeProto of type INT.</summary>
    public static byte[] IntAttribute(string name, long value)
    {
        using var output = new MemoryStream();
        Protobuf.WriteField(output, 1, Encoding.UTF8.GetBytes(name));
        Protobuf.WriteVarintField(output, 3, (ulong)value);
        Protobuf.WriteVarintField(output, 20, 2); // AttributeType.INT
        return output.ToArray();
    }
}
