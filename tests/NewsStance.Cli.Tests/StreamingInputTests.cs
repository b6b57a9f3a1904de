using System.Text;
using NewsStance.Cli.Internal;
using NewsStance.Cli.Tests.Support;

namespace NewsStance.Cli.Tests;

/// <summary>Inputs are read as they are scored, never held whole: JSON Lines line by line.</summary>
public sealed class StreamingInputTests
{
    /// <summary>A stream over bytes that records how far it has been read.</summary>
    private sealed class CountingStream(byte[] bytes) : MemoryStream(bytes)
    {
        public long MostRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            int n = base.Read(buffer, offset, count);
            MostRead = Math.Max(MostRead, Position);
            return n;
        }

        public override int ReadByte()
        {
            int b = base.ReadByte();
            MostRead = Math.Max(MostRead, Position);
            return b;
        }
    }

    private static string JsonLine(int i) => $$"""{"id":"a{{i}}","text":"\"Taxes are too high,\" Jane Miller said on day {{i}}."}""";

    [Fact]
    public void First_article_of_a_large_jsonl_on_stdin_comes_before_the_rest_is_read()
    {
        // Given: about 1 MB of JSON Lines
        var bytes = Encoding.UTF8.GetBytes(string.Join("\n", Enumerable.Range(0, 12_000).Select(JsonLine)) + "\n");
        var stdin = new CountingStream(bytes);

        // When
        using var articles = InputReader.Read(["-"], () => stdin).GetEnumerator();
        Assert.True(articles.MoveNext());

        // Then
        Assert.Equal("a0", articles.Current.Id);
        Assert.Equal("stdin:1", articles.Current.Source);
        Assert.InRange(stdin.MostRead, 1, bytes.Length / 4);
    }

    [Fact]
    public void Lines_longer_than_the_read_buffer_and_crlf_endings_are_read_whole()
    {
        // Given: a 200 KB article between two short ones, Windows line ends, no final newline
        var longText = string.Concat(Enumerable.Repeat("Markets were calm. ", 10_000)) + "\\\"We are ready,\\\" Jane Miller said.";
        var lines = new[] { JsonLine(1), $$"""{"id":"long","text":"{{longText}}"}""", JsonLine(3) };
        using var dir = new TempFolder();
        var path = dir.Write("batch.jsonl", string.Join("\r\n", lines));

        // When
        var articles = InputReader.Read([path], () => Stream.Null).ToList();

        // Then
        Assert.Equal(["a1", "long", "a3"], articles.Select(a => a.Id));
        Assert.All(articles, a => Assert.Null(a.Error));
        Assert.Equal(longText.Replace("\\\"", "\""), articles[1].Text);
        Assert.Equal($"{path}:3", articles[2].Source);
    }

    [Fact]
    public void Byte_lines_carry_their_offsets_across_buffer_boundaries()
    {
        // Given: lines of 70,000, 0 and 3 bytes; the read buffer is 65,536
        var first = new string('x', 70_000);
        var bytes = Encoding.ASCII.GetBytes(first + "\n\nabc");

        // When
        var lines = ByteLines.Read(new MemoryStream(bytes)).ToList();

        // Then
        Assert.Equal([0L, 70_001L, 70_002L], lines.Select(l => l.Offset));
        Assert.Equal([70_000, 0, 3], lines.Select(l => l.Bytes.Length));
    }

    [Fact]
    public void Jsonl_file_with_nul_bytes_near_its_start_is_refused_whole_as_binary()
    {
        // Given: a valid first line, then NUL bytes within the first 8 KB
        using var dir = new TempFolder();
        var bytes = Encoding.UTF8.GetBytes(JsonLine(1) + "\n").Concat(new byte[] { 0, 0, 0, 10 }).ToArray();
        var path = dir.WriteBytes("batch.jsonl", bytes);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", path);

        // Then
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("", result.Output.Trim());
        Assert.Contains($"newsstance: error: {path}: binary file", result.Error);
    }

    [Fact]
    public void Count_adds_text_files_and_non_blank_jsonl_lines_and_gives_up_on_stdin()
    {
        // Given
        using var dir = new TempFolder();
        dir.Write("in/a.txt", Articles.OneQuote);
        dir.Write("in/sub/b.txt", Articles.Plain);
        dir.Write("in/batch.jsonl", JsonLine(1) + "\n\n" + JsonLine(2) + "\n  \n" + JsonLine(3));
        dir.Write("in/notes.md", "not an article");

        // When / Then
        Assert.Equal(5, InputReader.Count([dir.PathOf("in")]));
        Assert.Equal(6, InputReader.Count([dir.PathOf("in"), dir.PathOf("missing.txt")]));
        Assert.Null(InputReader.Count([dir.PathOf("in"), "-"]));
    }
}
