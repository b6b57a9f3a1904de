namespace NewsStance.Internal.Speakers;

/// <summary>
/// Turns a quote's candidate scores into the probability that the top candidate is the speaker: Platt
/// scaling, a logistic function of named features of the ranking (the top score, its margin over the
/// runner-up, whether there was only one candidate, whether the top candidate is the subject of the quote's
/// reporting frame and whether the quote has one), with weights fitted on out-of-fold predictions.
/// Without weights (bundles from before calibration) the confidence is the softmax of the scores, as it was.
/// </summary>
internal sealed class SpeakerCalibration
{
    /// <summary>The ranking features the weights may name, in the order <see cref="Features"/> returns them.</summary>
    public static readonly string[] FeatureNames = ["top_score", "margin", "single_candidate", "top_frame_subject", "quote_has_frame"];

    private static readonly int FrameSubject = SpeakerFeatures.IndexOf("frame_subject");
    private static readonly int QuoteHasFrame = SpeakerFeatures.IndexOf("quote_has_frame");

    private readonly double _bias;
    private readonly double[] _weights;

    /// <param name="bias">The intercept.</param>
    /// <param name="weights">One weight per name in <see cref="FeatureNames"/>; a name left out weighs 0.</param>
    public SpeakerCalibration(double bias, IReadOnlyDictionary<string, double> weights)
    {
        foreach (var name in weights.Keys)
            if (!FeatureNames.Contains(name))
                throw new ArgumentException($"unknown calibration feature '{name}'; expected one of {string.Join(", ", FeatureNames)}", nameof(weights));
        _bias = bias;
        _weights = FeatureNames.Select(n => weights.GetValueOrDefault(n)).ToArray();
    }

    public double Bias => _bias;

    /// <summary>The weights by feature name.</summary>
    public Dictionary<string, double> Weights => FeatureNames.Select((n, i) => (n, w: _weights[i])).ToDictionary(x => x.n, x => x.w);

    /// <summary>
    /// The ranking features of one quote, from the candidates' scores and the top candidate's
    /// <see cref="SpeakerFeatures"/> vector: the best score, its margin over the runner-up (0 when alone), 1 if
    /// alone, the top's frame_subject and quote_has_frame.
    /// </summary>
    public static double[] Features(ReadOnlySpan<float> scores, int best, ReadOnlySpan<float> top)
    {
        double topScore = scores[best], second = double.NegativeInfinity;
        for (int i = 0; i < scores.Length; i++) if (i != best && scores[i] > second) second = scores[i];
        bool single = scores.Length == 1;
        return [topScore, single ? 0 : topScore - second, single ? 1 : 0, top[FrameSubject], top[QuoteHasFrame]];
    }

    /// <summary>The calibrated probability that candidate <paramref name="best"/> (the top one, with features <paramref name="top"/>) is right, in [0, 1].</summary>
    public double Confidence(ReadOnlySpan<float> scores, int best, ReadOnlySpan<float> top)
    {
        var x = Features(scores, best, top);
        double z = _bias;
        for (int j = 0; j < x.Length; j++) z += _weights[j] * x[j];
        return 1 / (1 + Math.Exp(-z));
    }

    /// <summary>Today's uncalibrated confidence: the softmax share of the top candidate.</summary>
    public static double Softmax(ReadOnlySpan<float> scores, int best)
    {
        double max = scores[best], sum = 0;
        foreach (var s in scores) sum += Math.Exp(s - max);
        return 1.0 / sum;
    }
}
