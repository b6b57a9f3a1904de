namespace NewsStance;

/// <summary>One quotation: what was said, how, by whom and with which stance.</summary>
/// <param name="Type">Direct, indirect or mixed.</param>
/// <param name="Text">The content, its pieces joined by a space.</param>
/// <param name="ContentSpans">The content only: no quotation marks, speaker or cue. A split quote has several.</param>
/// <param name="Cue">The reporting expression, or null when there is none.</param>
/// <param name="Speaker">The attributed source, or null when none could be found.</param>
/// <param name="Stance">One entry per target.</param>
public sealed record QuoteResult(
    QuoteType Type,
    string Text,
    IReadOnlyList<TextSpan> ContentSpans,
    CueResult? Cue,
    SpeakerResult? Speaker,
    IReadOnlyList<StanceResult> Stance);
