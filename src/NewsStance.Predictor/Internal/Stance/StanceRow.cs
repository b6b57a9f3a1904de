using Microsoft.ML.Data;

namespace NewsStance.Internal.Stance;

/// <summary>The stance model's input row (see <see cref="StanceFeaturizer"/>); the semantic row extends it.</summary>
internal class StanceRow
{
    public string Text { get; set; } = "";
    public string Window { get; set; } = "";
    public string Negated { get; set; } = "";
    public string Cue { get; set; } = "";
    [VectorType(8)] public float[] Polarity { get; set; } = [];
    public string Label { get; set; } = "";
    /// <summary>Training only: rows of one group (article) stay in one cross-validation fold.</summary>
    public string Group { get; set; } = "";
    /// <summary>Training only: the cross-validation fold of the row.</summary>
    public float Fold { get; set; }
}

/// <summary>The stance model's output: the predicted label and a score per label.</summary>
internal sealed class StancePrediction
{
    public string PredictedLabel { get; set; } = "";
    public float[] Score { get; set; } = [];
}
