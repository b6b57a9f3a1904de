using System.Text.Json;
using NewsStance.Cli.Tests.Support;

namespace NewsStance.Cli.Tests;

/// <summary>What <c>score</c> reads: files, folders, JSON Lines and stdin (spec/OUTPUT.md §1).</summary>
public sealed class InputTests
{
    private static string[] Ids(CliResult result) => Jsonl.Parse(result.Output).Select(a => a.GetProperty("article_id").GetString()!).ToArray();

    [Fact]
    public void Folder_is_scored_recursively_txt_and_jsonl_in_name_order()
    {
        // Given
        using var dir = new TempFolder();
        dir.Write("news/m.txt", Articles.OneQuote);
        dir.Write("news/a.txt", Articles.Plain);
        dir.Write("news/sub/b.txt", Articles.Wire);
        dir.Write("news/sub/deeper/c.TXT", Articles.OneQuote);
        dir.Write("news/z.jsonl", """{"id":"z1","text":"\"Yes,\" Jane Miller said."}""" + "\n" + """{"id":"z2","text":"Nothing here."}""" + "\n");
        dir.Write("news/README.md", Articles.OneQuote);
        dir.Write("news/notes.csv", "a,b\n1,2\n");

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", dir.PathOf("news"));

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["a", "m", "b", "c", "z1", "z2"], Ids(result));
    }

    [Fact]
    public void Several_paths_are_scored_in_the_order_given()
    {
        // Given
        using var dir = new TempFolder();
        var b = dir.Write("b.txt", Articles.OneQuote);
        var a = dir.Write("a.txt", Articles.Plain);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", b, a);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["b", "a"], Ids(result));
    }

    [Fact]
    public void Dash_reads_a_plain_text_article_from_stdin()
    {
        // Given
        var stdin = Articles.Plain;

        // When
        var result = Newsstance.RunWithStdin(stdin, "score", "--rules-only", "--format", "jsonl", "-");

        // Then
        Assert.Equal(0, result.ExitCode);
        var article = Jsonl.Single(result.Output);
        Assert.Equal("stdin", article.GetProperty("article_id").GetString());
        Jsonl.AssertOffsetsMatch(article, Articles.Plain);
        Assert.Equal(2, Jsonl.Quotes(article).Length);
    }

    [Fact]
    public void Dash_reads_json_lines_from_stdin()
    {
        // Given
        var stdin = JsonLine("first", Articles.OneQuote) + "\n\n" + JsonLine("second", Articles.Plain) + "\n";

        // When
        var result = Newsstance.RunWithStdin(stdin, "score", "--rules-only", "--format", "jsonl", "-");

        // Then
        Assert.Equal(0, result.ExitCode);
        var articles = Jsonl.Parse(result.Output);
        Assert.Equal(["first", "second"], articles.Select(a => a.GetProperty("article_id").GetString()));
        Jsonl.AssertOffsetsMatch(articles[0], Articles.OneQuote);
        Jsonl.AssertOffsetsMatch(articles[1], Articles.Plain);
        Assert.Single(Jsonl.Quotes(articles[0]));
    }

    [Fact]
    public void Stdin_can_be_mixed_with_files()
    {
        // Given
        using var dir = new TempFolder();
        var file = dir.Write("file.txt", Articles.OneQuote);

        // When
        var result = Newsstance.RunWithStdin(Articles.Plain, "score", "--rules-only", "--format", "jsonl", file, "-");

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["file", "stdin"], Ids(result));
    }

    [Fact]
    public void Jsonl_file_uses_its_ids_and_carries_extra_fields_through()
    {
        // Given
        using var dir = new TempFolder();
        var line = JsonSerializer.Serialize(new
        {
            id = "art-7",
            text = Articles.OneQuote,
            source = "wire",
            tags = new[] { "budget", "tax" },
            meta = new { page = 3, lead = true },
        });
        var path = dir.Write("batch.jsonl", line + "\n");

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        var article = Jsonl.Single(result.Output);
        Jsonl.AssertFollowsSpec(article);
        Jsonl.AssertOffsetsMatch(article, Articles.OneQuote);
        Assert.Equal("art-7", article.GetProperty("article_id").GetString());
        Assert.Equal("wire", article.GetProperty("source").GetString());
        Assert.Equal(["budget", "tax"], article.GetProperty("tags").EnumerateArray().Select(t => t.GetString()));
        Assert.Equal(3, article.GetProperty("meta").GetProperty("page").GetInt32());
        Assert.True(article.GetProperty("meta").GetProperty("lead").GetBoolean());
        Assert.False(article.TryGetProperty("text", out _));
        Assert.False(article.TryGetProperty("id", out _));
    }

    [Fact]
    public void Jsonl_line_without_id_is_named_after_file_and_line()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("batch.jsonl", "\n" + JsonSerializer.Serialize(new { text = Articles.OneQuote }) + "\n");

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["batch-2"], Ids(result));
    }

    [Fact]
    public void Jsonl_file_with_crlf_line_ends_is_read()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("batch.jsonl", JsonLine("one", Articles.OneQuote) + "\r\n" + JsonLine("two", Articles.NoQuote) + "\r\n");

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["one", "two"], Ids(result));
    }

    private static string JsonLine(string id, string text) => JsonSerializer.Serialize(new { id, text });
}
