namespace NewsStance;

/// <summary>What a loaded model bundle is, from its manifest.</summary>
/// <param name="Directory">The folder it was loaded from.</param>
/// <param name="FormatVersion">The bundle format version.</param>
/// <param name="StanceLabels">The stance label set.</param>
/// <param name="StanceTrainer">The stance trainer's name.</param>
/// <param name="SpeakerTrainer">The speaker ranker's trainer name.</param>
/// <param name="CreatedAt">When the bundle was trained.</param>
public sealed record ModelInfo(
    string Directory,
    int FormatVersion,
    IReadOnlyList<string> StanceLabels,
    string StanceTrainer,
    string SpeakerTrainer,
    DateTimeOffset CreatedAt);
