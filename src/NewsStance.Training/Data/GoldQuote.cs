namespace NewsStance.Training.Data;

/// <summary>One annotated quote from quotes.csv.</summary>
internal sealed record GoldQuote(
    string ArticleId, string QuoteId, QuoteType Type, IReadOnlyList<TextSpan> Content, string Cue, TextSpan? CueSpan,
    string SpeakerMention, TextSpan? SpeakerSpan, string SpeakerName, SpeakerKind SpeakerKind, string SpeakerRole, string Text, int Line);
