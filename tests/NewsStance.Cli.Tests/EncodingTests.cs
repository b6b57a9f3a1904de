using System.Text;
using NewsStance.Cli.Tests.Support;

namespace NewsStance.Cli.Tests;

/// <summary>Articles not in UTF-8: UTF-16 with a BOM is read as such; Windows-1252 is recognised with a warning.</summary>
public sealed class EncodingTests
{
    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    public static TheoryData<string> Utf16 => ["utf-16le", "utf-16be"];

    [Theory]
    [MemberData(nameof(Utf16))]
    public void Utf16_with_a_bom_is_read_and_its_quotes_found(string encodingName)
    {
        // Given: a UTF-16 article (as Windows tools save "Unicode" text) with curly quotes
        using var dir = new TempFolder();
        var encoding = Encoding.GetEncoding(encodingName);
        const string text = "\u201cTaxes are too high,\u201d Jane Miller said.\n";
        var path = dir.WriteBytes("unicode.txt", [.. encoding.GetPreamble(), .. encoding.GetBytes(text)]);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        var article = Jsonl.Single(result.Output);
        Jsonl.AssertOffsetsMatch(article, text);
        var quote = Assert.Single(Jsonl.Quotes(article));
        Assert.Equal("direct", quote.GetProperty("type").GetString());
        Assert.Equal("Jane Miller", quote.GetProperty("speaker").GetProperty("name").GetString());
    }

    [Fact]
    public void Utf16_holding_nul_characters_is_still_refused_as_binary()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.WriteBytes("odd.txt", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("abc\0\0\0def")]);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", path);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"newsstance: error: {path}: binary file", result.Error);
    }

    [Fact]
    public void Windows_1252_is_decoded_with_its_curly_quotes_and_a_warning()
    {
        // Given: an article saved by an old Windows editor: curly quotes, a dash and an accent as single bytes
        using var dir = new TempFolder();
        const string text = "\u201cThe caf\u00e9 tax is a disaster \u2013 for everyone,\u201d Jane Miller said.\n";
        var path = dir.WriteBytes("cp1252.txt", Windows1252.GetBytes(text));

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"newsstance: warning: {path}: not UTF-8 (byte 0); read as Windows-1252", result.Error);
        var article = Jsonl.Single(result.Output);
        Jsonl.AssertOffsetsMatch(article, text);
        var quote = Assert.Single(Jsonl.Quotes(article));
        Assert.Equal("direct", quote.GetProperty("type").GetString());
        Assert.Equal("The caf\u00e9 tax is a disaster \u2013 for everyone", quote.GetProperty("text").GetString());
        Assert.Equal("Jane Miller", quote.GetProperty("speaker").GetProperty("name").GetString());
    }

    [Fact]
    public void Utf8_with_one_damaged_byte_is_not_taken_for_windows_1252()
    {
        // Given: valid UTF-8 curly quotes and one stray Windows-1252 byte
        using var dir = new TempFolder();
        var bytes = Encoding.UTF8.GetBytes("\u201cTaxes are too high \u2014 far too high,\u201d Jane Miller said. X\n");
        bytes[^3] = 0x96;
        var path = dir.WriteBytes("mixed.txt", bytes);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Contains($"newsstance: warning: {path}: invalid UTF-8", result.Error);
        Assert.DoesNotContain("Windows-1252", result.Error);
        Assert.Single(Jsonl.Quotes(Jsonl.Single(result.Output)));
    }
}
