namespace NewsStance;

/// <summary>The source of a quote.</summary>
/// <param name="Mention">The mention as it stands nearest the quote (<c>He</c>, <c>the Kremlin spokesman</c>).</param>
/// <param name="Span">Where that mention stands.</param>
/// <param name="Name">The mention resolved through the article to its fullest name (<c>Dmitry Peskov</c>).</param>
/// <param name="Kind">Person, organisation, anonymous, document or unknown.</param>
/// <param name="Role">The speaker's role or title when the article gives one, else null.</param>
/// <param name="Confidence">
/// How sure the speaker ranker is, 0 to 1: the probability that this is the quote's speaker, calibrated on the
/// training corpus (a bundle trained before calibration gives the softmax share of the ranker's top score).
/// </param>
public sealed record SpeakerResult(
    string Mention,
    TextSpan Span,
    string Name,
    SpeakerKind Kind,
    string? Role,
    double Confidence);
