using System.Text;
using System.Text.RegularExpressions;

namespace NewsStance.Encoder;

/// <summary>
/// Cuts a BERT-style ONNX graph after its first N encoder layers, so ONNX Runtime can run an encoder
/// trained with fewer layers than the package's (<c>--encoder-layers</c>). The nodes of the upper layers
/// (named <c>/encoder/layer.K/…</c> by the Hugging Face export) and the initializers only they read are
/// dropped, and the hidden state that entered layer N takes the name of the last layer's output
/// (<c>last_hidden_state</c>), so the graph's outputs and anything after the encoder stay valid.
/// Every other protobuf field is copied byte for byte.
/// </summary>
internal static partial class OnnxLayerCut
{
    public static byte[] KeepLayers(byte[] model, int layers)
    {
        var (_, nodes) = OnnxReader.Read(model);
        int count = nodes.Select(LayerOf).DefaultIfEmpty(-1).Max() + 1;
        if (layers < 1 || layers > count) throw new ArgumentOutOfRangeException(nameof(layers), $"the graph has {count} encoder layers; {layers} cannot be kept");
        if (layers == count) return model;

        var kept = nodes.Where(n => LayerOf(n) < layers).ToList();
        var hiddenIn = Single(nodes, layers, layers - 1, "the hidden state entering layer");
        var lastOut = LastLayerOutput(nodes, count - 1);
        var rename = new Dictionary<string, string>(StringComparer.Ordinal) { [hiddenIn] = lastOut };
        var used = kept.SelectMany(n => n.Inputs).ToHashSet(StringComparer.Ordinal);
        var dropped = nodes.Where(n => LayerOf(n) >= layers).SelectMany(n => n.Inputs).Where(i => !used.Contains(i)).ToHashSet(StringComparer.Ordinal);
        return Protobuf.ReplaceField(model, 7, graph => RewriteGraph(model, graph, node => LayerOf(node) < layers, rename, dropped)); // ModelProto.graph
    }

    /// <summary>The encoder layer a node belongs to, or -1 for the embeddings and anything outside the layers.</summary>
    private static int LayerOf(OnnxNode node)
    {
        var match = LayerName().Match(node.Name);
        return match.Success ? int.Parse(match.Groups[1].ValueSpan, System.Globalization.CultureInfo.InvariantCulture) : -1;
    }

    [GeneratedRegex(@"^/encoder/layer\.(\d+)/")]
    private static partial Regex LayerName();

    /// <summary>The one tensor that nodes of layer <paramref name="consumer"/> read from nodes of layer <paramref name="producer"/>.</summary>
    private static string Single(IReadOnlyList<OnnxNode> nodes, int consumer, int producer, string what)
    {
        var produced = nodes.Where(n => LayerOf(n) == producer).SelectMany(n => n.Outputs).ToHashSet(StringComparer.Ordinal);
        var read = nodes.Where(n => LayerOf(n) == consumer).SelectMany(n => n.Inputs).Where(produced.Contains).Distinct().ToList();
        return read.Count == 1 ? read[0] : throw new InvalidDataException($"{what} {consumer} is not one tensor ({read.Count} found); the graph is not a BERT export this cut knows");
    }

    /// <summary>The tensor the last layer hands on: produced by its nodes and read by none of them.</summary>
    private static string LastLayerOutput(IReadOnlyList<OnnxNode> nodes, int last)
    {
        var layer = nodes.Where(n => LayerOf(n) == last).ToList();
        var read = layer.SelectMany(n => n.Inputs).ToHashSet(StringComparer.Ordinal);
        var outputs = layer.SelectMany(n => n.Outputs).Where(o => !read.Contains(o)).Distinct().ToList();
        return outputs.Count == 1 ? outputs[0] : throw new InvalidDataException($"the last encoder layer has {outputs.Count} outputs; the graph is not a BERT export this cut knows");
    }

    private static byte[] RewriteGraph(byte[] model, Wire graph, Func<OnnxNode, bool> keep, Dictionary<string, string> rename, HashSet<string> droppedInitializers)
    {
        using var output = new MemoryStream();
        int start = graph.Position;
        while (graph.Next(out int field, out int type))
        {
            if (field == 1 && type == 2) // GraphProto.node
            {
                var body = graph.Sub();
                int bodyStart = body.Position;
                var node = OnnxReader.ReadNode(body);
                if (keep(node)) Protobuf.WriteField(output, 1, RewriteNode(model, new Wire(model, bodyStart, graph.Position), rename));
            }
            else if (field == 5 && type == 2 && droppedInitializers.Contains(OnnxReader.InitializerName(graph))) graph.Skip(type);
            else output.Write(model, start, Protobuf.SkipFrom(ref graph, type) - start);
            start = graph.Position;
        }
        return output.ToArray();
    }

    /// <summary>The node with its input and output names renamed; its other fields copied.</summary>
    private static byte[] RewriteNode(byte[] model, Wire node, Dictionary<string, string> rename)
    {
        using var output = new MemoryStream();
        int start = node.Position;
        while (node.Next(out int field, out int type))
        {
            if ((field == 1 || field == 2) && type == 2)
            {
                var name = node.String();
                Protobuf.WriteField(output, field, Encoding.UTF8.GetBytes(rename.GetValueOrDefault(name, name)));
            }
            else
            {
                node.Skip(type);
                output.Write(model, start, node.Position - start);
            }
            start = node.Position;
        }
        return output.ToArray();
    }
}
