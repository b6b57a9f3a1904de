using NewsStance.Encoder;
using NewsStance.Internal.Stance;

namespace NewsStance.Semantic;

/// <summary>
/// Stance from a fine-tuned transformer encoder (<see cref="StanceClassifier"/>): each input is encoded
/// by <see cref="StanceEncoding"/>, inputs of similar length are batched, and the head's softmax gives
/// the scores. Thread-safe: a prediction only reads the weights.
/// </summary>
internal sealed class EncoderStanceModel(StanceClassifier classifier, StanceEncoding encoding, IReadOnlyList<string> labels) : IStanceModel
{
    /// <summary>Inputs encoded together by the C# pass (training's validation); similar lengths, so little padding.</summary>
    public const int BatchSize = 16;

    public IReadOnlyList<string> Labels { get; } = labels;

    public StanceClassifier Classifier => classifier;

    public StanceEncoding Encoding => encoding;

    public StanceResult[] Predict(IReadOnlyList<StanceInput> inputs)
    {
        var scores = PredictScores(inputs.Select(x => (x.Text, (string?)x.Target, x.MentionStart, x.MentionEnd)).ToList());
        var results = new StanceResult[inputs.Count];
        for (int i = 0; i < inputs.Count; i++)
        {
            var s = scores[i];
            int best = 0;
            var dict = new Dictionary<string, double>(Labels.Count);
            for (int k = 0; k < Labels.Count; k++)
            {
                dict[Labels[k]] = Math.Round(s[k], 3);
                if (s[k] > s[best]) best = k;
            }
            results[i] = new StanceResult(inputs[i].Target, Labels[best], Math.Round(s[best], 3), dict);
        }
        return results;
    }

    /// <summary>Probabilities per label (in <see cref="Labels"/> order) for each (text, target, mention) in input order.</summary>
    public float[][] PredictScores(IReadOnlyList<(string Text, string? Target, int MentionStart, int MentionEnd)> inputs, bool parallel = false)
    {
        var encoded = inputs.Select(x => encoding.Encode(x.Text, x.Target, x.MentionStart, x.MentionEnd)).ToArray();
        return PredictEncoded(encoded, parallel);
    }

    /// <summary>
    /// Probabilities for already encoded inputs: batched by length on the C# pass; one per run on ONNX
    /// Runtime's int8 graph, whose per-run activation scales would otherwise let batch-mates move each other's scores.
    /// </summary>
    public float[][] PredictEncoded(IReadOnlyList<EncodedExample> encoded, bool parallel = false)
        => classifier.PredictInBatches(encoded, classifier.Runner is null ? BatchSize : 1, parallel);
}
