namespace NewsStance.Encoder;

/// <summary>
/// The graph an encoder is scored with: its weight products in int8 (<see cref="OnnxQuantizer"/>) and its
/// attention blocks fused (<see cref="OnnxAttentionFusion"/>). Training never runs it; it runs the C# pass.
/// </summary>
internal static class ScoringGraph
{
    /// <summary>Changes whenever either rewrite would write other bytes; cached graphs are keyed by it.</summary>
    public static string Version => $"q{OnnxQuantizer.Version}a{OnnxAttentionFusion.Version}";

    public static byte[] Build(byte[] onnx) => OnnxAttentionFusion.Fuse(OnnxQuantizer.QuantizeWeights(onnx));
}
