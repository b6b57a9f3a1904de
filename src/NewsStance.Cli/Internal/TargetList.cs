namespace NewsStance.Cli.Internal;

/// <summary>Reads stance targets from <c>--target</c> values and a <c>--targets</c> file (one per line, # comments).</summary>
internal static class TargetList
{
    public static List<StanceTarget> Read(IEnumerable<string> targets, string? file)
    {
        var list = targets.Select(StanceTarget.Parse).ToList();
        if (file is null) return list;
        int n = 0;
        foreach (var line in File.ReadLines(file))
        {
            n++;
            var t = line.Trim();
            if (t.Length == 0 || t.StartsWith('#')) continue;
            try { list.Add(StanceTarget.Parse(t)); }
            catch (FormatException e) { throw new FormatException($"{file}:{n}: {e.Message}"); }
        }
        return list;
    }
}
