using Microsoft.ML.Data;

namespace NewsStance.Internal.Speakers;

/// <summary>One (quote, candidate) row for the ML.NET ranker: label 1 for the gold speaker, group = quote.</summary>
internal sealed class SpeakerRow
{
    public float Label { get; set; }
    public uint GroupId { get; set; }
    [VectorType(SpeakerFeatures.Count)] public float[] Features { get; set; } = [];
}

/// <summary>The ranker's output.</summary>
internal sealed class SpeakerScore
{
    public float Score { get; set; }
}
