using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;

namespace NewsStance.Training.Data;

/// <summary>A problem in an input file, located for people: file:line:column.</summary>
internal sealed record DataError(string File, int Line, int Column, string Message)
{
    public override string ToString() => Column > 0 ? $"{File}:{Line}:{Column}: {Message}" : $"{File}:{Line}: {Message}";
}

/// <summary>One CSV record with its line number and access to fields by column name.</summary>
internal sealed class CsvRecord(string file, int line, Dictionary<string, int> columns, string[] fields)
{
    public string File { get; } = file;
    public int Line { get; } = line;

    public bool Has(string column) => columns.ContainsKey(column);

    /// <summary>The field, trimmed; empty when the column is absent.</summary>
    public string Get(string column) => columns.TryGetValue(column, out var i) && i < fields.Length ? fields[i].Trim() : "";

    /// <summary>1-based column number, for messages.</summary>
    public int ColumnOf(string column) => columns.TryGetValue(column, out var i) ? i + 1 : 0;

    public DataError Error(string column, string message) => new(File, Line, ColumnOf(column), message);
}

/// <summary>
/// Reads a CSV file with CsvHelper into <see cref="CsvRecord"/>s, checking the required columns first.
/// Broken quoting and short rows are reported with their line, not thrown.
/// </summary>
internal static class CsvTable
{
    public static (List<CsvRecord> Records, List<DataError> Errors) Read(string path, IReadOnlyList<string> required)
    {
        var records = new List<CsvRecord>();
        var errors = new List<DataError>();
        int recordStart = 1;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            // A stray quotation mark inside an unquoted field: report it where the record starts.
            BadDataFound = args => errors.Add(new DataError(path, recordStart, 0, "a quotation mark inside an unquoted field (broken quoting?)")),
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.None,
        };
        // Lines in the file, so a record that runs to the end is not reported past it.
        int lineCount = File.ReadLines(path).Count();
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, config);
        if (!csv.Read() || !csv.ReadHeader())
        {
            errors.Add(new DataError(path, 1, 0, "the file is empty: expected a header row"));
            return (records, errors);
        }
        var header = csv.HeaderRecord!;
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < header.Length; i++) columns.TryAdd(header[i].Trim(), i);
        var missing = required.Where(r => !columns.ContainsKey(r)).ToList();
        if (missing.Count > 0)
        {
            errors.Add(new DataError(path, 1, 0, $"missing required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))}; the header has: {string.Join(", ", header)}"));
            return (records, errors);
        }
        while (true)
        {
            bool more;
            int line = csv.Parser.RawRow + 1;
            recordStart = line;
            try { more = csv.Read(); }
            catch (CsvHelperException e)
            {
                errors.Add(new DataError(path, csv.Parser.RawRow, 0, $"unreadable CSV: {e.Message.Split('\n')[0]}"));
                break;
            }
            if (!more) break;
            var fields = csv.Parser.Record ?? [];
            // A field holding an unbalanced quote swallows the following lines: report it where it starts.
            if (fields.Length != header.Length)
            {
                int lastOfRecord = Math.Min(csv.Parser.RawRow, lineCount);
                var runs = lastOfRecord > line ? $"; the record runs on to line {lastOfRecord}" : "";
                // One error per record: a stray quotation mark already reported here says the same thing.
                errors.RemoveAll(e => e.Line == line && e.File == path && e.Message.StartsWith("a quotation mark", StringComparison.Ordinal));
                errors.Add(new DataError(path, line, 0, $"expected {header.Length} fields, found {fields.Length} (broken quoting?{runs})"));
                continue;
            }
            int lastLine = Math.Min(csv.Parser.RawRow, lineCount);
            if (lastLine > line && fields.Any(f => f.Contains('\n') && f.Split('\n').Skip(1).Any(l => l.Count(c => c == ',') >= header.Length - 1)))
            {
                errors.RemoveAll(e => e.Line == line && e.File == path && e.Message.StartsWith("a quotation mark", StringComparison.Ordinal));
                errors.Add(new DataError(path, line, 0, $"an unclosed quotation mark runs this record on to line {lastLine}, swallowing the rows after it"));
                continue;
            }
            records.Add(new CsvRecord(path, line, columns, fields));
        }
        return (records, errors);
    }
}
