namespace NewsStance.Cli.Internal;

/// <summary>The output format a file name asks for, so <c>-o report.html</c> needs no <c>--format</c>.</summary>
internal static class OutputFormat
{
    /// <summary><c>jsonl</c>, <c>csv</c> or <c>html</c> by extension (case-insensitive); null for any other name or none.</summary>
    public static string? FromPath(string? path) => Path.GetExtension(path)?.ToLowerInvariant() switch
    {
        ".jsonl" or ".json" or ".ndjson" => "jsonl",
        ".csv" => "csv",
        ".html" or ".htm" => "html",
        _ => null,
    };
}
