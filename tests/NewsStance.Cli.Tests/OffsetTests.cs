using System.Text;
using NewsStance.Cli.Tests.Support;

namespace NewsStance.Cli.Tests;

/// <summary>Offsets are UTF-16 code units into the article text exactly as read (spec/OUTPUT.md §1).</summary>
public sealed class OffsetTests
{
    [Fact]
    public void Bom_at_file_start_is_dropped_and_offsets_index_the_text_after_it()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.WriteBytes("bom.txt", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Articles.OneQuote)]);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        var article = Jsonl.Single(result.Output);
        Jsonl.AssertOffsetsMatch(article, Articles.OneQuote);
        var quote = Assert.Single(Jsonl.Quotes(article));
        Assert.Equal((1, 19), Jsonl.Span(quote.GetProperty("content_spans")[0]));
    }

    [Fact]
    public void Bom_on_stdin_is_dropped()
    {
        // Given
        byte[] stdin = [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Articles.Wire)];

        // When
        var result = Newsstance.RunWithStdin(stdin, "score", "--rules-only", "--format", "jsonl", "-");

        // Then
        Assert.Equal(0, result.ExitCode);
        var article = Jsonl.Single(result.Output);
        Assert.Equal("2019-09-26", article.GetProperty("date").GetString());
        Jsonl.AssertOffsetsMatch(article, Articles.Wire);
    }

    [Fact]
    public void Crlf_article_keeps_offsets_into_the_crlf_text()
    {
        // Given
        var crlf = Articles.Wire.Replace("\n", "\r\n");
        using var dir = new TempFolder();
        var path = dir.Write("crlf.txt", crlf);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        var article = Jsonl.Single(result.Output);
        Assert.Equal("MOSCOW (Sputnik)", article.GetProperty("dateline").GetString());
        Jsonl.AssertOffsetsMatch(article, crlf);
        var quotes = Jsonl.Quotes(article);
        Assert.Equal(2, quotes.Length);
        int at = crlf.IndexOf("Russia would", StringComparison.Ordinal);
        Assert.Equal((at, at + "Russia would continue to help Venezuela".Length), Jsonl.Span(quotes[1].GetProperty("content_spans")[0]));
        Assert.DoesNotContain('\r', quotes[1].GetProperty("text").GetString()!);
    }

    [Fact]
    public void Offsets_count_utf16_code_units_past_characters_outside_the_bmp()
    {
        // Given: two emoji (surrogate pairs) and an accented word before the quote
        const string text = "Fans painted \U0001F600\U0001F600 on caf\u00e9 walls.\n\n\"The city must act,\" Jane Miller said.\n";
        using var dir = new TempFolder();
        var path = dir.Write("emoji.txt", text);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        var article = Jsonl.Single(result.Output);
        Jsonl.AssertOffsetsMatch(article, text);
        var quote = Assert.Single(Jsonl.Quotes(article));
        int at = text.IndexOf("The city", StringComparison.Ordinal);
        Assert.Equal((at, at + "The city must act".Length), Jsonl.Span(quote.GetProperty("content_spans")[0]));
    }

    [Fact]
    public void One_megabyte_article_is_scored()
    {
        // Given
        var paragraph = "\"The port will reopen next month,\" harbour official Anna Berg said on Monday. "
            + "Trade unions said that the delay had cost thousands of jobs.\n\n";
        var builder = new StringBuilder(" date 2024-03-01 OSLO (Wire) - Shipping news.\n\n");
        while (builder.Length < 1024 * 1024) builder.Append(paragraph);
        var text = builder.ToString();
        using var dir = new TempFolder();
        var path = dir.Write("big.txt", text);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        var article = Jsonl.Single(result.Output);
        Assert.Equal("2024-03-01", article.GetProperty("date").GetString());
        var quotes = Jsonl.Quotes(article);
        int paragraphs = (text.Length - 48) / paragraph.Length;
        Assert.True(quotes.Length >= paragraphs, $"{quotes.Length} quotes for {paragraphs} paragraphs");
        Jsonl.AssertOffsetsMatch(article, text);
        var last = Jsonl.Span(quotes[^1].GetProperty("content_spans")[0]);
        Assert.True(last.End > 1_000_000, $"last quote ends at {last.End}");
    }
}
