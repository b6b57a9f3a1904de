using System.Text.Json;
using System.Xml.Linq;
using NewsStance.Cli.Tests.Support;

namespace NewsStance.Cli.Tests;

/// <summary>An article's metadata (JSON Lines fields, wire date, dateline) reaches every output format.</summary>
public sealed class MetadataTests
{
    private static string BatchWithMetadata(TempFolder dir) => dir.Write("batch.jsonl", JsonSerializer.Serialize(new
    {
        id = "art-1",
        date = "2024-02-01",
        title = "Taxes debated",
        outlet = "Riverton Courier",
        url = "https://example.org/taxes",
        section = "politics",
        text = Articles.OneQuote,
    }) + "\n");

    [Fact]
    public void Jsonl_input_keeps_date_title_and_outlet_in_jsonl_output()
    {
        // Given
        using var dir = new TempFolder();
        var batch = BatchWithMetadata(dir);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", batch);

        // Then
        Assert.Equal(0, result.ExitCode);
        var article = Jsonl.Single(result.Output);
        Jsonl.AssertFollowsSpec(article);
        Assert.Equal(["article_id", "date", "dateline", "title", "outlet", "url", "section", "quotes"], Jsonl.Names(article));
        Assert.Equal("2024-02-01", article.GetProperty("date").GetString());
        Assert.Equal("Taxes debated", article.GetProperty("title").GetString());
        Assert.Equal("Riverton Courier", article.GetProperty("outlet").GetString());
        Assert.Equal("https://example.org/taxes", article.GetProperty("url").GetString());
    }

    [Fact]
    public void Jsonl_input_keeps_its_metadata_in_csv_output()
    {
        // Given
        using var dir = new TempFolder();
        var batch = BatchWithMetadata(dir);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "csv", batch);

        // Then
        Assert.Equal(0, result.ExitCode);
        var rows = CsvText.Parse(result.Output);
        var header = rows[0].ToList();
        var row = Assert.Single(rows.Skip(1));
        string Field(string column) => row[header.IndexOf(column)];
        Assert.Equal("art-1", Field("article_id"));
        Assert.Equal("2024-02-01", Field("date"));
        Assert.Equal("Taxes debated", Field("title"));
        Assert.Equal("Riverton Courier", Field("outlet"));
        Assert.Equal("https://example.org/taxes", Field("url"));
        Assert.Equal("{\"section\":\"politics\"}", Field("metadata"));
    }

    [Fact]
    public void Wire_article_gives_csv_its_date_dateline_and_outlet()
    {
        // Given
        using var dir = new TempFolder();
        var wire = dir.Write("wire.txt", Articles.Wire);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "csv", wire);

        // Then
        var rows = CsvText.Parse(result.Output);
        var header = rows[0].ToList();
        Assert.All(rows.Skip(1), r =>
        {
            Assert.Equal("2019-09-26", r[header.IndexOf("date")]);
            Assert.Equal("MOSCOW (Sputnik)", r[header.IndexOf("dateline")]);
            Assert.Equal("Sputnik", r[header.IndexOf("outlet")]);
        });
    }

    [Fact]
    public void Jsonl_input_keeps_its_metadata_in_the_html_report()
    {
        // Given
        using var dir = new TempFolder();
        var batch = BatchWithMetadata(dir);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "html", batch);

        // Then
        Assert.Equal(0, result.ExitCode);
        var html = XDocument.Parse(result.Output.Replace("<!DOCTYPE html>", ""));
        var article = html.Descendants("section").Single(s => (string?)s.Attribute("id") == "article-art-1");
        Assert.Equal("Taxes debated", article.Element("h2")!.Value);
        var meta = string.Join("\n", article.Elements("p").Select(p => p.Value));
        Assert.Contains("art-1 · 2024-02-01 · Riverton Courier · 1 quote", meta);
        Assert.Contains("section: politics", meta);
        var link = Assert.Single(article.Descendants("a"));
        Assert.Equal("https://example.org/taxes", (string?)link.Attribute("href"));
    }

    [Fact]
    public void Html_never_links_a_script_url()
    {
        // Given
        using var dir = new TempFolder();
        var batch = dir.Write("batch.jsonl", JsonSerializer.Serialize(new { id = "x", url = "javascript:alert(1)", text = Articles.OneQuote }) + "\n");

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "html", batch);

        // Then
        Assert.DoesNotContain("href=\"javascript", result.Output);
        Assert.Contains("javascript:alert(1)", result.Output);
    }

    [Fact]
    public void Jsonl_input_gives_the_table_its_date_and_outlet()
    {
        // Given
        using var dir = new TempFolder();
        var batch = BatchWithMetadata(dir);

        // When
        var result = Newsstance.Run("score", "--rules-only", batch);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("art-1  2024-02-01  Riverton Courier — 1 quote", result.Output);
    }

    [Theory]
    [InlineData("out.csv", "article_id,quote_index,")]
    [InlineData("out.CSV", "article_id,quote_index,")]
    [InlineData("out.jsonl", "{\"article_id\":\"miller\"")]
    [InlineData("out.json", "{\"article_id\":\"miller\"")]
    [InlineData("report.html", "<!DOCTYPE html>")]
    [InlineData("report.htm", "<!DOCTYPE html>")]
    [InlineData("out.txt", "miller — 1 quote")]
    public void Output_file_extension_picks_the_format(string name, string start)
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("miller.txt", Articles.OneQuote);
        var output = dir.PathOf(name);

        // When
        var result = Newsstance.Run("score", "--rules-only", "-o", output, path);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith(start, File.ReadAllText(output).TrimStart());
    }

    [Fact]
    public void Format_option_wins_over_the_extension()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("miller.txt", Articles.OneQuote);
        var output = dir.PathOf("out.csv");

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", "-o", output, path);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("{", File.ReadAllText(output));
    }
}
