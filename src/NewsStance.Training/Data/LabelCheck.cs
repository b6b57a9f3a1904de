namespace NewsStance.Training.Data;

/// <summary>
/// Looks at the label column as a whole, where row checks cannot: a label that is probably a misspelling
/// of another (<c>favour</c> beside <c>favor</c>) would silently become a class of its own, and a class with
/// few rows makes cross-validation scores noise. Returns warnings for people; deciding is left to the caller.
/// </summary>
internal static class LabelCheck
{
    /// <summary>Below this many rows a class's fold scores swing from 0 to 1 on a row or two.</summary>
    public const int FewRows = 50;

    /// <summary>Labels that look like variants of a more frequent label, with the lines that carry them.</summary>
    public static List<(string Label, string Likely, List<int> Lines)> Variants(IReadOnlyList<StanceExample> rows)
    {
        var counts = rows.GroupBy(r => r.Label).ToDictionary(g => g.Key, g => g.Count());
        var found = new List<(string, string, List<int>)>();
        foreach (var (label, count) in counts.OrderBy(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            var likely = counts.Where(p => p.Key != label && p.Value > count && Similar(label, p.Key))
                .OrderByDescending(p => p.Value).Select(p => p.Key).FirstOrDefault();
            if (likely is null) continue;
            found.Add((label, likely, rows.Where(r => r.Label == label).Select(r => r.Line).ToList()));
        }
        return found;
    }

    /// <summary>Classes with fewer than <see cref="FewRows"/> rows, fewest first.</summary>
    public static List<(string Label, int Rows)> SmallClasses(IReadOnlyList<StanceExample> rows)
        => rows.GroupBy(r => r.Label).Where(g => g.Count() < FewRows)
            .Select(g => (g.Key, g.Count())).OrderBy(p => p.Item2).ThenBy(p => p.Key, StringComparer.Ordinal).ToList();

    /// <summary>The warnings for <paramref name="rows"/> of <paramref name="file"/>, as lines to print.</summary>
    public static List<string> Warnings(string file, IReadOnlyList<StanceExample> rows)
    {
        var warnings = new List<string>();
        foreach (var (label, likely, lines) in Variants(rows))
            warnings.Add($"{file}: label '{label}' ({DuplicateRows.Lines(lines)}) looks like a misspelling of '{likely}'; "
                + $"it is trained as a class of its own. Fix those rows, or pass --labels {string.Join(',', rows.Select(r => r.Label).Distinct().Where(l => l != label).Order(StringComparer.Ordinal))} to make any other label an error.");
        var small = SmallClasses(rows);
        if (small.Count > 0)
            warnings.Add($"{file}: {string.Join(", ", small.Select(s => $"'{s.Label}' has {s.Rows} row{(s.Rows == 1 ? "" : "s")}"))} "
                + $"(fewer than {FewRows}): cross-validation scores on so few rows are unreliable — a fold may hold one of them or none.");
        return warnings;
    }

    /// <summary>Same letters after dropping case and punctuation, or one or two edits apart for words of four letters or more.</summary>
    internal static bool Similar(string a, string b)
    {
        string x = new(a.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray()), y = new(b.Where(char.IsLetter).Select(char.ToLowerInvariant).ToArray());
        if (x.Length == 0 || y.Length == 0) return false;
        if (x == y) return true;
        return Math.Min(x.Length, y.Length) >= 4 && Distance(x, y) <= 2;
    }

    private static int Distance(string a, string b)
    {
        var prev = new int[b.Length + 1];
        var cur = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++) prev[j] = j;
        for (int i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            for (int j = 1; j <= b.Length; j++)
                cur[j] = Math.Min(Math.Min(cur[j - 1], prev[j]) + 1, prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            (prev, cur) = (cur, prev);
        }
        return prev[b.Length];
    }
}
