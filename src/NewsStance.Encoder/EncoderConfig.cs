namespace NewsStance.Encoder;

/// <summary>The shape of a BERT-style encoder (post-LayerNorm, GELU feed-forward, learned positions).</summary>
internal sealed record EncoderConfig(int Layers, int Hidden, int Heads, int Intermediate, int Vocabulary, int MaxPositions, float LayerNormEpsilon = 1e-12f)
{
    public int HeadSize => Hidden / Heads;
}
