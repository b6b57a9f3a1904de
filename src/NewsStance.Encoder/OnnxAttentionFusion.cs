using System.Text;

namespace NewsStance.Encoder;

/// <summary>
/// Replaces each self-attention block of a BERT-style ONNX export — the query, key and value each reshaped
/// to heads and transposed, Q·Kᵀ divided by √(head size), plus the mask, softmax, times V, transposed and
/// reshaped back — with one ONNX Runtime <c>com.microsoft.MultiHeadAttention</c> over the same Q, K and V.
/// The exported block is about twenty kernels per layer, each small on a short quote, so a run's fixed cost
/// was mostly theirs; the fused kernel does the same arithmetic in one call. The products that make Q, K
/// and V are untouched (so an int8 rewrite keeps its quantization). The attention mask goes in as the
/// operator's key padding mask (one int32 cast of the graph's <c>attention_mask</c>). Nodes left with no
/// reader are dropped. A block that does not have this exact shape is left as it is.
/// </summary>
internal static class OnnxAttentionFusion
{
    /// <summary>The version of the rewrite; cached graphs are keyed by it (see <see cref="ScoringGraph.Version"/>).</summary>
    public const int Version = 1;

    private const string MaskInput = "attention_mask", MaskInt32 = "attention_mask_int32";
    private const int Int32 = 6;

    public static byte[] Fuse(byte[] model)
    {
        var (initializers, nodes) = OnnxReader.Read(model);
        if (!initializers.TryGetValue("embeddings.word_embeddings.weight", out var words)
            || !nodes.Any(n => n.Inputs.Contains(MaskInput)))
            return model;
        int heads = EncoderFactory.HeadCount((int)words.Dims[1]);
        var producer = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < nodes.Count; i++)
            foreach (var o in nodes[i].Outputs) producer[o] = i;
        var readers = nodes.SelectMany((n, i) => n.Inputs.Select(input => (input, i))).ToLookup(x => x.input, x => x.i, StringComparer.Ordinal);

        var removed = new HashSet<int>();
        var fusedInputs = new HashSet<string>(StringComparer.Ordinal);
        var replacements = new Dictionary<int, byte[]>(); // at the block's last node, the fused one
        foreach (var softmax in Enumerable.Range(0, nodes.Count).Where(i => nodes[i].OpType == "Softmax"))
            if (Match(nodes, producer, readers, softmax) is { } block)
            {
                removed.UnionWith(block.Nodes);
                fusedInputs.UnionWith([block.Query, block.Key, block.Value]);
                replacements[block.Last] = AttentionNode(nodes[block.Last].Name + "/MultiHeadAttention", block.Query, block.Key, block.Value, nodes[block.Last].Outputs[0], heads);
            }
        if (replacements.Count == 0) return model;

        // Drop what only the removed nodes read (shape arithmetic, the float mask), except graph outputs.
        var outputs = OnnxReader.GraphOutputs(model);
        for (bool changed = true; changed;)
        {
            changed = false;
            for (int i = 0; i < nodes.Count; i++)
            {
                if (removed.Contains(i) || nodes[i].Outputs.Any(o => outputs.Contains(o) || fusedInputs.Contains(o))) continue;
                if (nodes[i].Outputs.All(o => readers[o].All(removed.Contains)))
                {
                    removed.Add(i);
                    changed = true;
                }
            }
        }

        // Nothing kept may read what was dropped (a block whose values are read elsewhere is not fusable).
        if (Enumerable.Range(0, nodes.Count).Any(i => !removed.Contains(i)
                && nodes[i].Inputs.Any(input => producer.TryGetValue(input, out var p) && removed.Contains(p) && !replacements.ContainsKey(p))))
            return model;

        var rewritten = Protobuf.ReplaceField(model, 7, graph => RewriteGraph(model, graph, removed, replacements)); // ModelProto.graph
        return ContribOps.EnsureImported(rewritten);
    }

    private sealed record Block(int[] Nodes, int Last, string Query, string Key, string Value);

    /// <summary>The attention block around <paramref name="softmax"/>, or null when it is not the exported shape.</summary>
    private static Block? Match(IReadOnlyList<OnnxNode> nodes, Dictionary<string, int> producer, ILookup<string, int> readers, int softmax)
    {
        int? From(string name, string op) => producer.TryGetValue(name, out var i) && nodes[i].OpType == op ? i : null;
        // Shape nodes beside the block only compute its reshape targets; they go with it.
        int? OnlyReader(int node, string op)
        {
            var r = readers[nodes[node].Outputs[0]].Where(i => nodes[i].OpType != "Shape").ToList();
            return r.Count == 1 && nodes[r[0]].OpType == op ? r[0] : null;
        }
        // x → Reshape(x, heads) → Transpose: the head-split of one projection; returns (x, reshape, transpose).
        (string X, int Reshape, int Transpose)? Split(string name)
        {
            if (From(name, "Transpose") is not { } t || From(nodes[t].Inputs[0], "Reshape") is not { } r) return null;
            return (nodes[r].Inputs[0], r, t);
        }

        if (From(nodes[softmax].Inputs[0], "Add") is not { } masked) return null;
        var add = nodes[masked];
        int? div = From(add.Inputs[0], "Div") ?? From(add.Inputs[1], "Div");
        if (div is null || From(nodes[div.Value].Inputs[0], "MatMul") is not { } scores) return null;
        if (Split(nodes[scores].Inputs[0]) is not { } q || Split(nodes[scores].Inputs[1]) is not { } k) return null;
        if (OnlyReader(softmax, "MatMul") is not { } weighted || nodes[weighted].Inputs[0] != nodes[softmax].Outputs[0]) return null;
        if (Split(nodes[weighted].Inputs[1]) is not { } v) return null;
        if (OnlyReader(weighted, "Transpose") is not { } merge || OnlyReader(merge, "Reshape") is not { } last) return null;
        int[] block = [masked, div.Value, scores, q.Reshape, q.Transpose, k.Reshape, k.Transpose, softmax, weighted, v.Reshape, v.Transpose, merge, last];
        return new Block(block, last, q.X, k.X, v.X);
    }

    private static byte[] RewriteGraph(byte[] model, Wire graph, HashSet<int> removed, Dictionary<int, byte[]> replacements)
    {
        using var output = new MemoryStream();
        int start = graph.Position, index = 0;
        bool maskCast = false;
        while (graph.Next(out int field, out int type))
        {
            if (field == 1 && type == 2) // GraphProto.node
            {
                graph.Skip(type);
                if (!maskCast)
                {
                    Protobuf.WriteField(output, 1, MaskCastNode());
                    maskCast = true;
                }
                if (replacements.TryGetValue(index, out var fused)) Protobuf.WriteField(output, 1, fused);
                else if (!removed.Contains(index)) output.Write(model, start, graph.Position - start);
                index++;
            }
            else output.Write(model, start, Protobuf.SkipFrom(ref graph, type) - start);
            start = graph.Position;
        }
        return output.ToArray();
    }

    private static byte[] MaskCastNode()
    {
        using var output = new MemoryStream();
        Protobuf.WriteField(output, 1, Encoding.UTF8.GetBytes(MaskInput));
        Protobuf.WriteField(output, 2, Encoding.UTF8.GetBytes(MaskInt32));
        Protobuf.WriteField(output, 3, Encoding.UTF8.GetBytes("/attention_mask/CastInt32"));
        Protobuf.WriteField(output, 4, "Cast"u8.ToArray());
        Protobuf.WriteField(output, 5, IntAttribute("to", Int32));
        return output.ToArray();
    }

    private static byte[] AttentionNode(string name, string query, string key, string value, string output, int heads)
    {
        using var node = new MemoryStream();
        foreach (var input in new[] { query, key, value, "", MaskInt32 }) // bias: none (already in Q, K and V)
            Protobuf.WriteField(node, 1, Encoding.UTF8.GetBytes(input));
        Protobuf.WriteField(node, 2, Encoding.UTF8.GetBytes(output));
        Protobuf.WriteField(node, 3, Encoding.UTF8.GetBytes(name));
        Protobuf.WriteField(node, 4, "MultiHeadAttention"u8.ToArray());
        Protobuf.WriteField(node, 5, IntAttribute("num_heads", heads));
        Protobuf.WriteField(node, 7, Encoding.UTF8.GetBytes(ContribOps.Domain));
        return node.ToArray();
    }

    /// <summary>An AttributeProto of type INT.</summary>
    private static byte[] IntAttribute(string name, long value)
    {
        using var output = new MemoryStream();
        Protobuf.WriteField(output, 1, Encoding.UTF8.GetBytes(name));
        Protobuf.WriteVarintField(output, 3, (ulong)value);
        Protobuf.WriteVarintField(output, 20, 2); // AttributeType.INT
        return output.ToArray();
    }
}
