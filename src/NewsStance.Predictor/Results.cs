namespace NewsStance;

/// <summary>Everything NewsStance found in one article.</summary>
/// <param name="ArticleId">The file name without extension, or the JSON Lines <c>id</c>.</param>
/// <param name="Date">The wire header's <c>date</c> (yyyy-MM-dd), or null.</param>
/// <param name="Dateline">The dateline without its trailing dash, e.g. <c>MOSCOW (Sputnik)</c>, or null.</param>
/// <param name="Title">The title line of a plain-text article, or null.</param>
/// <param name="Quotes">Every quotation found, in text order.</param>
public sealed record ArticleResult(
    string ArticleId,
    string? Date,
    string? Dateline,
    string? Title,
    IReadOnlyList<QuoteResult> Quotes);

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

/// <summary>The reporting expression of a quote: <c>said</c>, <c>told reporters</c>, <c>according to</c>, <c>:</c>.</summary>
/// <param name="Text">The cue as written.</param>
/// <param name="Span">Where it stands.</param>
public sealed record CueResult(string Text, TextSpan Span);

/// <summary>The source of a quote.</summary>
/// <param name="Mention">The mention as it stands nearest the quote (<c>He</c>, <c>the Kremlin spokesman</c>).</param>
/// <param name="Span">Where that mention stands.</param>
/// <param name="Name">The mention resolved through the article to its fullest name (<c>Dmitry Peskov</c>).</param>
/// <param name="Kind">Person, organisation, anonymous, document or unknown.</param>
/// <param name="Role">The speaker's role or title when the article gives one, else null.</param>
/// <param name="Confidence">How sure the speaker ranker is, 0 to 1.</param>
public sealed record SpeakerResult(
    string Mention,
    TextSpan Span,
    string Name,
    SpeakerKind Kind,
    string? Role,
    double Confidence);

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
