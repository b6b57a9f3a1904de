using System.Text;

namespace NewsStance.Tests.Shared;

/// <summary>Writes and reads small RFC 4180 files for the tests.</summary>
internal static class CsvText
{
    public static string Field(string f) => f.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + f.Replace("\"", "\"\"") + "\"" : f;

    public static string Line(IEnumerable<string> fields) => string.Join(',', fields.Select(Field));

    public static string Of(IEnumerable<string[]> rows) => string.Concat(rows.Select(r => Line(r) + "\n"));

    public static List<string[]> Parse(string text)
    {
        var rows = new List<string[]>();
        var row = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, any = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
                continue;
            }
            switch (c)
            {
                case '"': quoted = true; any = true; break;
                case ',': row.Add(field.ToString()); field.Clear(); any = true; break;
                case '\r': break;
                case '\n': row.Add(field.ToString()); rows.Add([.. row]); row.Clear(); field.Clear(); any = false; break;
                default: field.Append(c); any = true; break;
            }
        }
        if (any || field.Length > 0) { row.Add(field.ToString()); rows.Add([.. row]); }
        return rows;
    }
}
