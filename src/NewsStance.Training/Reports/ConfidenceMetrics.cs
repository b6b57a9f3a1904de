namespace NewsStance.Training.Reports;

/// <summary>One prediction's confidence and whether the prediction was right.</summary>
internal readonly record struct ScoredOutcome(double Confidence, bool Right);

/// <summary>
/// How well a confidence means what it says: expected calibration error (10 equal-width bins) and how
/// well it separates right from wrong (AUROC).
/// </summary>
internal static class ConfidenceMetrics
{
    /// <summary>
    /// Σ over bins of (share of predictions in the bin) × |accuracy in the bin − mean confidence in the bin|;
    /// bin k holds confidences in [k/bins, (k+1)/bins), the last one also 1. 0 when there are no predictions.
    /// </summary>
    public static double ExpectedCalibrationError(IReadOnlyList<ScoredOutcome> outcomes, int bins = 10)
    {
        if (outcomes.Count == 0) return 0;
        var count = new int[bins];
        var confidence = new double[bins];
        var right = new int[bins];
        foreach (var o in outcomes)
        {
            int b = Math.Clamp((int)(o.Confidence * bins), 0, bins - 1);
            count[b]++;
            confidence[b] += o.Confidence;
            if (o.Right) right[b]++;
        }
        double ece = 0;
        for (int b = 0; b < bins; b++)
            if (count[b] > 0) ece += Math.Abs(right[b] - confidence[b]) / outcomes.Count;
        return ece;
    }

    /// <summary>
    /// The chance that a random right prediction has a higher confidence than a random wrong one (ties
    /// count half); NaN when the predictions are all right or all wrong.
    /// </summary>
    public static double Auroc(IReadOnlyList<ScoredOutcome> outcomes)
    {
        // Mann–Whitney: rank all confidences (ties share their mean rank), sum the ranks of the right ones.
        var sorted = outcomes.OrderBy(o => o.Confidence).ToArray();
        long positives = sorted.Count(o => o.Right), negatives = sorted.Length - positives;
        if (positives == 0 || negatives == 0) return double.NaN;
        double rankSum = 0;
        for (int i = 0; i < sorted.Length;)
        {
            int j = i;
            while (j < sorted.Length && sorted[j].Confidence == sorted[i].Confidence) j++;
            double meanRank = (i + 1 + j) / 2.0;
            for (int k = i; k < j; k++) if (sorted[k].Right) rankSum += meanRank;
            i = j;
        }
        return (rankSum - positives * (positives + 1) / 2.0) / ((double)positives * negatives);
    }
}
