using System.Text.Json;

namespace NewsStance.Internal.Speakers;

/// <summary>
/// Hand-set weights over <see cref="SpeakerFeatures"/> (declared beside each feature): the frame's subject first, then mentions in the
/// same or previous sentence, the previous quote's speaker for bare quotations, and names over pronouns.
/// Used when no trained ranker is present, and as the baseline the ranker must beat.
/// </summary>
internal sealed class RuleSpeakerScorer : ISpeakerScorer
{
    public static readonly RuleSpeakerScorer Instance = new();

    /// <summary>The embedded data file that holds <see cref="Calibration"/> (the training report prints its refit).</summary>
    public const string CalibrationResource = "rule-calibration.json";

    /// <summary>How the rule scores become a speaker confidence: Platt scaling fitted on the training split of the corpus.</summary>
    public static SpeakerCalibration Calibration { get; } = LoadCalibration();

    /// <summary>The weights, in vector order: each is declared with its feature in <see cref="SpeakerFeatures.All"/>.</summary>
    private static readonly float[] Vector = SpeakerFeatures.All.Select(f => f.RuleWeight).ToArray();

    public string Name => "rules";

    public float[] Score(IReadOnlyList<float[]> candidates)
    {
        var scores = new float[candidates.Count];
        for (int i = 0; i < scores.Length; i++) scores[i] = ScoreOne(candidates[i]);
        return scores;
    }

    /// <summary>The weighted sum for one feature vector (the rule_score feature itself has weight 0).</summary>
    public float ScoreOne(ReadOnlySpan<float> f)
    {
        float s = 0;
        for (int j = 0; j < Vector.Length; j++) s += Vector[j] * f[j];
        return s;
    }

    private static SpeakerCalibration LoadCalibration()
    {
        using var stream = typeof(RuleSpeakerScorer).Assembly.GetManifestResourceStream($"NewsStance.Internal.Speakers.{CalibrationResource}")
            ?? throw new InvalidOperationException($"{CalibrationResource} is not embedded");
        // Read as a document, not with the serializer: setting the serializer up for these six numbers (its
        // metadata, converters and their JIT) was a tenth of a rules-only start-up.
        using var json = JsonDocument.Parse(stream);
        var root = json.RootElement;
        var weights = new Dictionary<string, double>();
        foreach (var w in root.GetProperty("weights").EnumerateObject()) weights.Add(w.Name, w.Value.GetDouble());
        return new SpeakerCalibration(root.GetProperty("bias").GetDouble(), weights);
    }
}
