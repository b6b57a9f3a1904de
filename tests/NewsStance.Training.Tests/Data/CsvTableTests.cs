using System.Text;
using NewsStance.Training.Data;

namespace NewsStance.Training.Tests.Data;

/// <summary>
/// CSV as RFC 4180 writes it always reads (quoted line breaks, commas, doubled quotation marks, BOM,
/// CRLF); truly broken quoting is reported at the line where its record starts.
/// </summary>
public sealed class CsvTableTests
{
    private static readonly string[] TextAndStance = ["text", "stance"];

    [Fact]
    public void Quoted_field_over_several_lines_full_of_commas_is_one_field()
    {
        // Given: the second line of a quoted text looks like a whole row of its own
        using var folder = new TempFolder();
        var path = folder.Write("set.csv",
            "id,text,stance\n"
            + "a,\"The minister said, in short,\nb,that the plan, as drafted,\nwould fail\",against\n"
            + "c,plain,neutral\n");

        // When
        var (records, errors) = CsvTable.Read(path, TextAndStance);

        // Then
        Assert.Empty(errors);
        Assert.Equal(["The minister said, in short,\nb,that the plan, as drafted,\nwould fail", "plain"], records.Select(r => r.Get("text")));
        Assert.Equal([2, 5], records.Select(r => r.Line));
    }

    [Fact]
    public void Doubled_quotation_marks_and_an_empty_quoted_field_read_as_written()
    {
        // Given
        using var folder = new TempFolder();
        var path = folder.Write("set.csv", "id,text,stance\nq1,\"\"\"No,\"\" she said. \"\"Never.\"\"\",against\n\"\",\"x\",favor\n");

        // When
        var (records, errors) = CsvTable.Read(path, TextAndStance);

        // Then
        Assert.Empty(errors);
        Assert.Equal(["\"No,\" she said. \"Never.\"", "x"], records.Select(r => r.Get("text")));
        Assert.Equal(["q1", ""], records.Select(r => r.Get("id")));
    }

    [Fact]
    public void Bom_and_crlf_line_ends_are_not_part_of_the_names_or_fields()
    {
        // Given: a spreadsheet export: UTF-8 BOM, CRLF, a quoted CRLF inside a field, no final line end
        using var folder = new TempFolder();
        var bytes = new UTF8Encoding(true).GetPreamble().Concat(Encoding.UTF8.GetBytes("text,stance\r\n\"one\r\ntwo\",favor\r\nthree,against")).ToArray();
        var path = folder.WriteBytes("set.csv", bytes);

        // When
        var (records, errors) = CsvTable.Read(path, TextAndStance);

        // Then
        Assert.Empty(errors);
        Assert.Equal(["one\r\ntwo", "three"], records.Select(r => r.Get("text")));
        Assert.Equal(["favor", "against"], records.Select(r => r.Get("stance")));
        Assert.Equal([2, 4], records.Select(r => r.Line));
    }

    [Fact]
    public void Utf16_file_with_a_bom_reads()
    {
        // Given
        using var folder = new TempFolder();
        var path = folder.WriteBytes("set.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("text,stance\n“Curly”,favor\n")]);

        // When
        var (records, errors) = CsvTable.Read(path, TextAndStance);

        // Then
        Assert.Empty(errors);
        Assert.Equal("“Curly”", Assert.Single(records).Get("text"));
    }

    [Fact]
    public void Blank_lines_are_skipped_and_line_numbers_stay_exact()
    {
        // Given
        using var folder = new TempFolder();
        var path = folder.Write("set.csv", "text,stance\n\nfirst,favor\n\n\n\"second\nhalf\",against\n");

        // When
        var (records, errors) = CsvTable.Read(path, TextAndStance);

        // Then
        Assert.Empty(errors);
        Assert.Equal([3, 6], records.Select(r => r.Line));
    }

    [Fact]
    public void Unclosed_quotation_mark_is_reported_where_it_starts_with_the_line_it_runs_to()
    {
        // Given: line 3 opens a quote that never closes, in a record that otherwise has all its fields
        using var folder = new TempFolder();
        var path = folder.Write("set.csv", "id,text,stance\na,fine,favor\nb,text,\"against\nc,more,neutral\nd,last,favor\n");

        // When
        var (records, errors) = CsvTable.Read(path, TextAndStance);

        // Then
        Assert.Equal($"{path}:3: an unclosed quotation mark runs this record to the end of the file (line 5), swallowing the rows after it",
            Assert.Single(errors).ToString());
        Assert.Equal(["a"], records.Select(r => r.Get("id")));
    }

    [Fact]
    public void Undoubled_quotation_mark_inside_a_quoted_field_is_reported_where_the_record_starts()
    {
        // Given: line 2 quotes its text but does not double the quotation marks inside it
        using var folder = new TempFolder();
        var path = folder.Write("set.csv", "text,stance\n\"He said \"no\" twice\",against\nfine,favor\n");

        // When
        var (records, errors) = CsvTable.Read(path, TextAndStance);

        // Then
        Assert.Equal($"{path}:2: a quoted field goes on after its closing quotation mark (a quotation mark inside a quoted field must be doubled)",
            Assert.Single(errors).ToString());
        Assert.Equal(["fine"], records.Select(r => r.Get("text")));
    }

    [Fact]
    public void Records_after_a_broken_one_that_closes_further_down_keep_their_own_lines()
    {
        // Given: line 2's quote is closed by the quotation mark that opens line 3's text
        using var folder = new TempFolder();
        var path = folder.Write("set.csv", "text,stance\n\"broken,favor\n\"ok\",against\nlast,neutral\n");

        // When
        var (records, errors) = CsvTable.Read(path, TextAndStance);

        // Then
        var error = Assert.Single(errors);
        Assert.Equal(2, error.Line);
        Assert.EndsWith("; the record runs on to line 3", error.Message);
        Assert.Equal([4], records.Select(r => r.Line));
    }
}
