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
/// Reads an RFC 4180 CSV file with CsvHelper into <see cref="CsvRecord"/>s, checking the required
/// columns first. Quoted fields may hold commas, doubled quotation marks and line breaks; a BOM and
/// CRLF line ends are accepted. Broken quoting and short rows are reported at the line where their
/// record starts, not thrown.
/// </summary>
internal static class CsvTable
{
    public static (List<CsvRecord> Records, List<DataError> Errors) Read(string path, IReadOnlyList<string> required)
    {
        var records = new List<CsvRecord>();
        var errors = new List<DataError>();
        // Set by CsvHelper while it reads a record; the record decides what to report once it is whole.
        string? badQuoting = null;
        var config = new CsvConfiguration(CultureInfo.InvariantCulture)
        {
            Mode = CsvMode.RFC4180,
            BadDataFound = args => badQuoting ??= BadQuoting(args.Field),
            MissingFieldFound = null,
            DetectColumnCountChanges = false,
            TrimOptions = TrimOptions.None,
            // Blank lines come through as records (and are skipped below) so line numbers stay exact.
            IgnoreBlankLines = false,
        };
        using var reader = new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        using var parser = new CsvParser(reader, config);

        string[]? header = null;
        int headerLine = 1;
        while (true)
        {
            int line = parser.RawRow + 1;
            badQuoting = null;
            bool more;
            try { more = parser.Read(); }
            catch (CsvHelperException e)
            {
                errors.Add(new DataError(path, line, 0, $"unreadable CSV: {e.Message.Split('\n')[0]}"));
                break;
            }
            if (!more) break;
            var fields = parser.Record ?? [];
            if (IsBlank(fields)) continue;
            int lastLine = line + LineBreaks(parser.RawRecord);
            var runs = lastLine > line ? $"; the record runs on to line {lastLine}" : "";
            if (header is null)
            {
                header = fields;
                headerLine = line;
                if (badQuoting is not null) { errors.Add(new DataError(path, line, 0, $"header: {badQuoting}{runs}")); return (records, errors); }
                continue;
            }
            if (fields.Length != header.Length)
            {
                // One error per record: the field count says it, and where the record ends says why.
                errors.Add(new DataError(path, line, 0, $"expected {header.Length} fields, found {fields.Length} (broken quoting?{runs})"));
                continue;
            }
            if (badQuoting is not null)
            {
                errors.Add(new DataError(path, line, 0, badQuoting == Unclosed
                    ? $"an unclosed quotation mark runs this record to the end of the file{(lastLine > line ? $" (line {lastLine}), swallowing the rows after it" : "")}"
                    : badQuoting + runs));
                continue;
            }
            records.Add(new CsvRecord(path, line, Columns(header), fields));
        }
        if (header is null)
        {
            errors.Insert(0, new DataError(path, 1, 0, "the file is empty: expected a header row"));
            return ([], errors);
        }
        var columns = Columns(header);
        var missing = required.Where(r => !columns.ContainsKey(r)).ToList();
        if (missing.Count > 0)
            return ([], [new DataError(path, headerLine, 0, $"missing required column{(missing.Count > 1 ? "s" : "")} {string.Join(", ", missing.Select(m => $"'{m}'"))}; the header has: {string.Join(", ", header)}")]);
        return (records, errors);
    }

    private const string Unclosed = "an unclosed quotation mark";

    private static Dictionary<string, int> Columns(string[] header)
    {
        var columns = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < header.Length; i++) columns.TryAdd(header[i].Trim(), i);
        return columns;
    }

    private static bool IsBlank(string[] fields) => fields.Length == 0 || (fields.Length == 1 && string.IsNullOrWhiteSpace(fields[0]));

    /// <summary>Line breaks inside a record (not counting the one that ends it).</summary>
    private static int LineBreaks(string rawRecord) => rawRecord.AsSpan().TrimEnd("\r\n").Count('\n');

    /// <summary>What is wrong with a field CsvHelper called bad data, in words for the person who wrote it.</summary>
    private static string BadQuoting(string rawField)
    {
        var field = rawField.AsSpan().TrimStart(' ');
        if (field.IsEmpty || field[0] != '"') return "a quotation mark inside an unquoted field (broken quoting?)";
        for (int i = 1; i < field.Length; i++)
        {
            if (field[i] != '"') continue;
            if (i + 1 < field.Length && field[i + 1] == '"') { i++; continue; }
            return "a quoted field goes on after its closing quotation mark (a quotation mark inside a quoted field must be doubled)";
        }
        return Unclosed;
    }
}
