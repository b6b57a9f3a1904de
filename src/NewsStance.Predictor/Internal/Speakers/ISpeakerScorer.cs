namespace NewsStance.Internal.Speakers;

/// <summary>Scores candidate speakers of one quote: higher is likelier. Must be thread-safe.</summary>
internal interface ISpeakerScorer
{
    /// <summary>One score per feature vector, in order.</summary>
    float[] Score(IReadOnlyList<float[]> candidates);

    /// <summary>The score of one feature vector (<see cref="SpeakerFeatures.Count"/> values), read where it lies: the ranker's buffer.</summary>
    float ScoreOne(ReadOnlySpan<float> features);

    /// <summary>A short name for the manifest and reports.</summary>
    string Name { get; }
}
