namespace NewsStance;

/// <summary>The reporting expression of a quote: <c>said</c>, <c>told reporters</c>, <c>according to</c>, <c>:</c>.</summary>
/// <param name="Text">The cue as written.</param>
/// <param name="Span">Where it stands.</param>
public sealed record CueResult(string Text, TextSpan Span);
