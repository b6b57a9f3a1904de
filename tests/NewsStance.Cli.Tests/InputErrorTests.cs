using System.Text;
using NewsStance.Cli.Tests.Support;

namespace NewsStance.Cli.Tests;

/// <summary>Inputs that cannot be read: reported on stderr with where and why; the rest is still scored.</summary>
public sealed class InputErrorTests
{
    private static string[] Ids(CliResult result) => Jsonl.Parse(result.Output).Select(a => a.GetProperty("article_id").GetString()!).ToArray();

    [Fact]
    public void Bad_jsonl_lines_are_reported_with_file_and_line_and_the_others_scored()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("batch.jsonl", string.Join("\n",
            """{"id":"good1","text":"\"Yes,\" Jane Miller said."}""",
            """this is not json""",
            """{"id":"no-text","body":"\"No,\" Jane Miller said."}""",
            """{"id":"good2","text":"Nothing to see."}""",
            """[1, 2, 3]""") + "\n");

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", path);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["good1", "good2"], Ids(result));
        Assert.Contains($"newsstance: error: {path}:2: not valid JSON", result.Error);
        Assert.Contains($"newsstance: error: {path}:3: object has no string \"text\" field", result.Error);
        Assert.Contains($"newsstance: error: {path}:5: line is JSON but not an object", result.Error);
        Assert.DoesNotContain($"{path}:1:", result.Error);
        Assert.DoesNotContain($"{path}:4:", result.Error);
        Assert.Contains("3 of 5 inputs failed; the others were scored.", result.Error);
    }

    [Fact]
    public void Empty_file_is_a_warning_naming_the_file_and_exits_0()
    {
        // Given
        using var dir = new TempFolder();
        var empty = dir.Write("empty.txt", "");
        var blank = dir.Write("blank.txt", "  \n\n\t\n");
        var good = dir.Write("good.txt", Articles.OneQuote);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", empty, blank, good);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"newsstance: warning: {empty}: empty article", result.Error);
        Assert.Contains($"newsstance: warning: {blank}: empty article", result.Error);
        Assert.DoesNotContain("error", result.Error);
        var articles = Jsonl.Parse(result.Output);
        Assert.Equal(["empty", "blank", "good"], articles.Select(a => a.GetProperty("article_id").GetString()));
        Assert.Empty(Jsonl.Quotes(articles[0]));
        Assert.Single(Jsonl.Quotes(articles[2]));
    }

    [Fact]
    public void Binary_file_is_an_error_naming_the_file_and_the_others_are_scored()
    {
        // Given
        using var dir = new TempFolder();
        var before = dir.Write("a.txt", Articles.OneQuote);
        var binary = dir.WriteBytes("b.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        var after = dir.Write("c.txt", Articles.Plain);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", before, binary, after);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["a", "c"], Ids(result));
        Assert.Contains($"newsstance: error: {binary}: binary file", result.Error);
        Assert.Contains("1 of 3 inputs failed", result.Error);
    }

    [Fact]
    public void Binary_file_found_in_a_folder_is_reported_and_the_folder_still_scored()
    {
        // Given
        using var dir = new TempFolder();
        dir.Write("in/a.txt", Articles.OneQuote);
        var binary = dir.WriteBytes("in/b.txt", Encoding.UTF8.GetBytes("\"Hi,\" he said.\0\0\0"));

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", dir.PathOf("in"));

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["a"], Ids(result));
        Assert.Contains($"{binary}: binary file", result.Error);
    }

    [Fact]
    public void Invalid_utf8_is_a_warning_and_the_article_is_scored_with_replacement_characters()
    {
        // Given
        using var dir = new TempFolder();
        var bytes = Encoding.UTF8.GetBytes("\"Caf\u00e9 prices are too high,\" Jane Miller said.\n");
        int bad = Array.IndexOf(bytes, (byte)0xC3);
        bytes[bad] = 0xFF; // a byte that never occurs in UTF-8
        var path = dir.WriteBytes("latin.txt", bytes);
        var expectedText = new UTF8Encoding(false, throwOnInvalidBytes: false).GetString(bytes);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"newsstance: warning: {path}: invalid UTF-8", result.Error);
        Assert.Contains("U+FFFD", result.Error);
        var article = Jsonl.Single(result.Output);
        Jsonl.AssertOffsetsMatch(article, expectedText);
        var quote = Assert.Single(Jsonl.Quotes(article));
        Assert.Contains('\uFFFD', quote.GetProperty("text").GetString()!);
        Assert.Equal("Jane Miller", quote.GetProperty("speaker").GetProperty("name").GetString());
    }

    [Fact]
    public void Missing_path_is_an_error_and_the_others_are_scored()
    {
        // Given
        using var dir = new TempFolder();
        var good = dir.Write("good.txt", Articles.OneQuote);
        var missing = dir.PathOf("nope.txt");

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", missing, good);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["good"], Ids(result));
        Assert.Contains($"newsstance: error: {missing}: no such file or folder", result.Error);
    }

    [Fact]
    public void Binary_stdin_is_an_error()
    {
        // Given
        byte[] stdin = [0x00, 0x01, 0x02, 0x03];

        // When
        var result = Newsstance.RunWithStdin(stdin, "score", "--rules-only", "--format", "jsonl", "-");

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains("newsstance: error: stdin: binary file", result.Error);
    }

    [Fact]
    public void Empty_jsonl_file_is_a_warning_naming_the_file_and_writes_no_article()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("empty.jsonl", "");

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains($"newsstance: warning: {path}: empty JSON Lines file", result.Error);
        Assert.DoesNotContain("error", result.Error);
    }

    [Fact]
    public void Empty_jsonl_file_among_others_adds_no_article()
    {
        // Given
        using var dir = new TempFolder();
        var empty = dir.Write("empty.jsonl", "\n  \n");
        var good = dir.Write("good.txt", Articles.OneQuote);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", empty, good);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["good"], Ids(result));
        Assert.Contains($"newsstance: warning: {empty}: empty JSON Lines file", result.Error);
    }

    [Fact]
    public void Bad_second_line_of_json_lines_on_stdin_is_reported_by_number_and_the_first_scored()
    {
        // Given
        var stdin = """{"id":"a","text":"\"Yes,\" Jane Miller said."}""" + "\nnot json\n";

        // When
        var result = Newsstance.RunWithStdin(stdin, "score", "--rules-only", "--format", "jsonl", "-");

        // Then
        Assert.Equal(1, result.ExitCode);
        var article = Jsonl.Single(result.Output);
        Assert.Equal("a", article.GetProperty("article_id").GetString());
        Assert.Equal("Jane Miller", Assert.Single(Jsonl.Quotes(article)).GetProperty("speaker").GetProperty("name").GetString());
        Assert.Contains("newsstance: error: stdin:2: not valid JSON", result.Error);
        Assert.DoesNotContain("stdin:1", result.Error);
        Assert.Contains("1 of 2 inputs failed", result.Error);
    }

    [Fact]
    public void Invalid_utf8_in_a_jsonl_file_is_warned_about_once_not_per_line()
    {
        // Given: an invalid byte on line 1 of 3
        using var dir = new TempFolder();
        var text = string.Join("\n",
            """{"id":"one","text":"\"Café prices are too high,\" Jane Miller said."}""",
            """{"id":"two","text":"\"Yes,\" Jane Miller said."}""",
            """{"id":"three","text":"Nothing to see."}""") + "\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        bytes[Array.IndexOf(bytes, (byte)0xC3)] = 0xFF; // a byte that never occurs in UTF-8
        var path = dir.WriteBytes("batch.jsonl", bytes);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(["one", "two", "three"], Ids(result));
        Assert.Contains($"newsstance: warning: {path}:1: invalid UTF-8", result.Error);
        Assert.Single(result.Error.Split('\n'), l => l.Contains("invalid UTF-8"));
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("-x")]
    public void Unknown_option_after_the_command_is_a_usage_error_naming_it(string option)
    {
        // Given an article that exists, so only the option can be wrong
        using var dir = new TempFolder();
        var path = dir.Write("a.txt", Articles.OneQuote);

        // When
        var result = Newsstance.Run("score", "--rules-only", option, path);

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.StartsWith("newsstance: error: ", result.Error);
        Assert.Contains($"unknown option {option}", result.Error);
        Assert.DoesNotContain("no such file", result.Error);
    }

    [Theory]
    [InlineData("--bogus", "score", "--rules-only", "x.txt")]
    [InlineData("score", "--rules-only", "--format", "xml", "x.txt")]
    [InlineData("score", "--rules-only", "--threads", "many", "x.txt")]
    [InlineData("score", "--rules-only")]
    [InlineData("scroe", "x.txt")]
    public void Usage_errors_exit_2_and_say_how_to_get_help(params string[] args)
    {
        // Given the arguments

        // When
        var result = Newsstance.Run(args);

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.StartsWith("newsstance: error: ", result.Error);
        Assert.Contains("Run 'newsstance --help' for usage.", result.Error);
    }

    [Fact]
    public void Bad_format_names_the_allowed_formats()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("a.txt", Articles.OneQuote);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "xml", path);

        // Then
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("xml", result.Error);
        Assert.Contains("jsonl", result.Error);
        Assert.Contains("csv", result.Error);
    }

    [Fact]
    public void Folder_with_no_articles_is_an_error_exit_1_not_silence()
    {
        // Given: a folder holding only files that are not articles
        using var dir = new TempFolder();
        dir.Write("in/notes.md", "# notes\n");
        dir.Write("in/deeper/data.csv", "text,stance\n");
        var folder = dir.PathOf("in");

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", folder);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output);
        Assert.Contains($"newsstance: error: {folder}: no *.txt or *.jsonl files in this folder or below it", result.Error);
    }

    [Fact]
    public void Csv_given_as_an_article_is_an_error_and_the_others_are_scored()
    {
        // Given
        using var dir = new TempFolder();
        var csv = dir.Write("articles.csv", "id,text\na,\"\"\"Yes,\"\" Jane Miller said.\"\n");
        var good = dir.Write("good.txt", Articles.OneQuote);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", csv, good);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Equal(["good"], Ids(result));
        Assert.Contains($"newsstance: error: {csv}: a CSV file is not an article", result.Error);
    }
}
