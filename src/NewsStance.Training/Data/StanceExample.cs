namespace NewsStance.Training.Data;

/// <summary>One labelled stance row: a text, an optional target (and its mention), the label and its group.</summary>
internal sealed record StanceExample(string Id, string Text, string Target, int TargetStart, int TargetEnd, string Label, string Group, string Split, string? Cue, int Line);
