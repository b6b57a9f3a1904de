using System.Globalization;

namespace NewsStance.Training.Data;

/// <summary>
/// Reads a stance CSV (spec/OUTPUT.md §3): <c>text</c> and <c>stance</c> required; <c>id</c>, <c>target</c>,
/// <c>target_start</c>, <c>target_end</c>, <c>group</c>, <c>split</c> optional; unknown columns ignored.
/// Every row is checked; errors carry file:line:column. Labels are lower-cased.
/// </summary>
internal static class StanceCsv
{
    public static readonly string[] Required = ["text", "stance"];

    public static (List<StanceExample> Rows, List<DataError> Errors) Read(string path, IReadOnlySet<string>? allowedLabels = null, IReadOnlyDictionary<string, string>? cues = null, bool rejectDuplicates = true)
    {
        var (records, errors) = CsvTable.Read(path, Required);
        var rows = new List<StanceExample>(records.Count);
        var ids = new Dictionary<string, int>();
        var seen = new Dictionary<(string, string, string), int>();
        foreach (var r in records)
        {
            int before = errors.Count;
            string id = r.Has("id") ? r.Get("id") : $"row{r.Line}";
            if (r.Has("id") && id.Length == 0) errors.Add(r.Error("id", "empty id"));
            else if (ids.TryGetValue(id, out var firstLine)) errors.Add(r.Error("id", $"duplicate id '{id}' (first on line {firstLine})"));
            else ids[id] = r.Line;
            var text = r.Get("text");
            if (text.Length == 0) errors.Add(r.Error("text", "empty text"));
            var label = r.Get("stance").ToLowerInvariant();
            if (label.Length == 0) errors.Add(r.Error("stance", "empty stance label"));
            else if (label.Contains('\n') || label.Contains(',')) errors.Add(r.Error("stance", "the label runs over several lines: an unclosed quotation mark?"));
            else if (allowedLabels is not null && !allowedLabels.Contains(label))
                errors.Add(r.Error("stance", $"unknown label '{r.Get("stance")}'; expected one of {string.Join(", ", allowedLabels)}"));
            var target = r.Get("target");
            int start = -1, end = -1;
            var s = r.Get("target_start");
            var e = r.Get("target_end");
            if (s.Length > 0 || e.Length > 0)
            {
                if (!int.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out start))
                    errors.Add(r.Error("target_start", $"target_start '{s}' is not a whole number"));
                else if (!int.TryParse(e, NumberStyles.None, CultureInfo.InvariantCulture, out end))
                    errors.Add(r.Error("target_end", $"target_end '{e}' is not a whole number"));
                else if (start >= end || end > text.Length)
                    errors.Add(r.Error("target_start", $"target span [{start}, {end}) is outside the text (length {text.Length})"));
            }
            var key = (text, target, label);
            if (rejectDuplicates && seen.TryGetValue(key, out var dupLine) && errors.Count == before)
                errors.Add(r.Error("text", $"duplicate row: same text, target and stance as line {dupLine}"));
            else seen.TryAdd(key, r.Line);
            if (errors.Count != before) continue;
            string group = r.Get("group");
            if (group.Length == 0) group = id;
            string? cue = null;
            if (cues is not null && id.LastIndexOf("#t", StringComparison.Ordinal) is var cut and > 0) cues.TryGetValue(id[..cut], out cue);
            // An optional cue column (the corpus's stance.csv has one) gives evaluate the cue train joins from quotes.csv.
            if (cue is null && r.Get("cue") is { Length: > 0 } cueColumn) cue = cueColumn;
            rows.Add(new StanceExample(id, text, target, start, end, label, group, r.Get("split"), cue, r.Line));
        }
        return (rows, errors);
    }
}
