using System.Text.RegularExpressions;
using NewsStance.Cli.Tests.Support;

namespace NewsStance.Cli.Tests;

/// <summary><c>--format csv|table</c> and <c>--output FILE</c>.</summary>
public sealed class OutputFormatTests
{
    private const string CsvHeader =
        "article_id,quote_index,type,content_spans,text,cue,cue_span,speaker_mention,speaker_span,"
        + "speaker_name,speaker_kind,speaker_role,speaker_confidence,target,stance,stance_confidence,"
        + "date,dateline,title,outlet,url,metadata";

    [Fact]
    public void Csv_writes_the_header_and_one_row_per_quote()
    {
        // Given
        using var dir = new TempFolder();
        var wire = dir.Write("wire.txt", Articles.Wire);
        var plain = dir.Write("plain.txt", Articles.Plain);
        var none = dir.Write("none.txt", Articles.NoQuote);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "csv", wire, plain, none);

        // Then
        Assert.Equal(0, result.ExitCode);
        var rows = CsvText.Parse(result.Output);
        Assert.Equal(CsvHeader, result.Output.Split('\n')[0]);
        Assert.All(rows, r => Assert.Equal(22, r.Length));
        Assert.Equal(["wire", "wire", "plain", "plain"], rows.Skip(1).Select(r => r[0]));
        Assert.Equal(["0", "1", "0", "1"], rows.Skip(1).Select(r => r[1]));
    }

    [Fact]
    public void Csv_row_matches_the_expected_text()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("miller.txt", Articles.OneQuote);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "csv", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            CsvHeader + "\n"
            + "miller,0,direct,\"[[1,19]]\",Taxes are too high,said,\"[34,38]\",Jane Miller,\"[22,33]\",Jane Miller,person,,0.992,,,,,,,,,\n",
            result.Output);
    }

    [Fact]
    public void Csv_quotes_fields_that_hold_commas()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("comma.txt", Articles.CommaQuote);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "csv", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        var rows = CsvText.Parse(result.Output);
        Assert.Equal(2, rows.Count);
        var row = rows[1];
        Assert.Equal("Taxes are high, wages are low, and nobody listens", row[4]);
        Assert.Equal("Jane Miller", row[9]);
        int start = Articles.CommaQuote.IndexOf("Taxes", StringComparison.Ordinal);
        Assert.Equal($"[[{start},{start + row[4].Length}]]", row[3]);
    }

    [Fact]
    public void Table_shows_the_speaker_name_cue_and_quote()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("miller.txt", Articles.OneQuote);

        // When
        var result = Newsstance.Run("score", "--rules-only", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Contains("miller — 1 quote", result.Output);
        Assert.Contains("Jane Miller", result.Output);
        Assert.Contains("said", result.Output);
        Assert.Contains("Taxes are too high", result.Output);
        Assert.DoesNotContain("\u001b[", result.Output);
    }

    [Fact]
    public void Table_matches_the_expected_text_whatever_the_console_width()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("miller.txt", Articles.OneQuote);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "table", path);

        // Then: compared with padding and rule lengths collapsed, as the width follows the console
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            """
            miller — 1 quote
            ╭─┬─┬─┬─┬─┬─╮
            │ # │ Type │ Speaker │ Cue │ Stance │ Quote │
            ├─┼─┼─┼─┼─┼─┤
            │ 1 │ direct │ Jane Miller │ said │ — │ Taxes are too high │
            │ │ │ person, 0.99 │ │ │ │
            ╰─┴─┴─┴─┴─┴─╯

            """,
            Collapse(result.Output));
    }

    [Fact]
    public void Table_shows_mention_and_resolved_name_for_a_pronoun_or_surname()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("wire.txt", Articles.Wire);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "table", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("wire  2019-09-26  MOSCOW (Sputnik) — 2 quotes", result.Output);
        Assert.Contains("Peskov → Dmitry", result.Output);
    }

    [Fact]
    public void Output_file_receives_jsonl_and_stdout_stays_empty()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("miller.txt", Articles.OneQuote);
        var output = dir.PathOf("out.jsonl");

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", "--output", output, path);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Output);
        var article = Jsonl.Single(File.ReadAllText(output));
        Assert.Equal("miller", article.GetProperty("article_id").GetString());
        Jsonl.AssertOffsetsMatch(article, Articles.OneQuote);
    }

    [Fact]
    public void Output_file_receives_csv()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("miller.txt", Articles.OneQuote);
        var output = dir.PathOf("out.csv");

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "csv", "-o", output, path);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Output);
        var rows = CsvText.Parse(File.ReadAllText(output));
        Assert.Equal(2, rows.Count);
        Assert.Equal("Jane Miller", rows[1][9]);
    }

    [Fact]
    public void Output_file_receives_the_table()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("miller.txt", Articles.OneQuote);
        var output = dir.PathOf("out.txt");

        // When
        var result = Newsstance.Run("score", "--rules-only", "--output", output, path);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Output);
        var table = File.ReadAllText(output);
        Assert.Contains("Jane Miller", table);
        Assert.DoesNotContain("\u001b[", table);
    }

    [Fact]
    public void Output_file_that_cannot_be_created_is_a_usage_error()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("miller.txt", Articles.OneQuote);
        var output = dir.PathOf("no/such/folder/out.jsonl");

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", "--output", output, path);

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"newsstance: error: {output}: cannot write output", result.Error);
    }

    /// <summary>Trims each line and collapses runs of spaces and of horizontal rules.</summary>
    private static string Collapse(string text)
        => string.Join("\n", text.Replace("\r\n", "\n").Split('\n')
            .Select(l => Regex.Replace(Regex.Replace(l.Trim(), " {2,}", " "), "─+", "─")));
}
