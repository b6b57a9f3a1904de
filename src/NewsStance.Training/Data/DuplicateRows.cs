namespace NewsStance.Training.Data;

/// <summary>
/// Exact duplicate stance rows (same text, target and label), common in data gathered from several
/// sources: they add nothing but weight, so training keeps the first and counts the rest.
/// </summary>
internal static class DuplicateRows
{
    /// <summary>The rows without repeats, in order, and the lines of the rows left out.</summary>
    public static (List<StanceExample> Kept, List<int> DroppedLines) Drop(IEnumerable<StanceExample> rows)
    {
        var seen = new HashSet<(string, string, string)>();
        var kept = new List<StanceExample>();
        var dropped = new List<int>();
        foreach (var r in rows)
        {
            if (seen.Add((r.Text, r.Target, r.Label))) kept.Add(r);
            else dropped.Add(r.Line);
        }
        return (kept, dropped);
    }

    /// <summary>"lines 4, 9, 12 and 3 more", for messages.</summary>
    public static string Lines(IReadOnlyList<int> lines, int shown = 10)
        => (lines.Count == 1 ? "line " : "lines ") + string.Join(", ", lines.Take(shown)) + (lines.Count > shown ? $" and {lines.Count - shown} more" : "");
}
