namespace NewsStance.Cli.Internal.Summaries;

/// <summary>
/// One count of a summary table, in long form so every table shares the columns: <c>table</c> says which
/// grouping it belongs to, the grouping's own columns are filled and the others are null.
/// </summary>
internal sealed record SummaryRow(string Table, string? Period, string? Outlet, string? Speaker, string? SpeakerKind, string? Target, string? Stance, int? Articles, int Quotes);
