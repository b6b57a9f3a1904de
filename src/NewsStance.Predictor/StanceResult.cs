namespace NewsStance;

/// <summary>The stance of a quote toward one target.</summary>
/// <param name="Target">The target's name (the first name given for it).</param>
/// <param name="Label">The label with the highest score, from the model's label set.</param>
/// <param name="Confidence">The score of <paramref name="Label"/>.</param>
/// <param name="Scores">A score per label; they sum to 1.</param>
public sealed record StanceResult(
    string Target,
    string Label,
    double Confidence,
    IReadOnlyDictionary<string, double> Scores);
