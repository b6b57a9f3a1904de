namespace NewsStance.Encoder;

/// <summary>
/// Replaces each self-attention block of a BERT-style ONNX export — the query, key and value each reshaped
/// to heads and transposed, Q·Kᵀ divided by √(head size), plus the mask, softmax, times V, transposed and
/// reshaped back — with one ONNX Runtime <c>com.microsoft.MultiHeadAttention</c> over the same Q, K and V.
/// The exported block is about twenty kernels per layer, each small on a short quote, so a run's fixed cost
/// was mostly theirs; the fused kernel does the same arithmetic in one call. The products that make Q, K
/// and V are untouched (so an int8 rewrite keeps its quantization). The attention mask goes in as the
/// operator's key padding mask (one int32 cast of the graph's <c>attention_mask</c>). A block that does not
/// have this exact shape is left as it is.
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
        var edit = new OnnxGraphEdit(nodes);
        foreach (var softmax in Enumerable.Range(0, nodes.Count).Where(i => nodes[i].OpType == "Softmax"))
            if (Match(nodes, edit.Producer, edit.Readers, softmax) is { } block)
            {
                var last = nodes[block.Last];
                var attention = OnnxGraphEdit.Node(last.Name + "/MultiHeadAttention", "MultiHeadAttention", ContribOps.Domain,
                    [block.Query, block.Key, block.Value, "", MaskInt32], [last.Outputs[0]], // bias: none (already in Q, K and V)
                    OnnxGraphEdit.IntAttribute("num_heads", heads));
                edit.Replace(block.Nodes, block.Last, attention, [block.Query, block.Key, block.Value]);
            }
        if (edit.IsEmpty) return model;
        edit.Prepend(OnnxGraphEdit.Node("/attention_mask/CastInt32", "Cast", null, [MaskInput], [MaskInt32], OnnxGraphEdit.IntAttribute("to", Int32)));
        return edit.Apply(model);
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
        return new Block([masked, div.Value, scores, q.Reshape, q.Transpose, k.Reshape, k.Transpose, softmax, weighted, v.Reshape, v.Transpose, merge], last, q.X, k.X, v.X);
    }
}
