using System.Text;
using System.Text.Json;
using CsCheck;
using NewsStance.Cli.Internal;
using NewsStance.Cli.Tests.Support;
using Xunit.Abstractions;

namespace NewsStance.Cli.Tests;

/// <summary>
/// Property: any bytes on stdin (articles and JSON Lines with invalid UTF-8, NUL bytes, stray BOMs,
/// cut sequences, UTF-16 and Windows-1252 encodings) are read without an exception, and every article
/// read scores with offsets inside its text. Runs a few seconds in CI; <c>NEWSSTANCE_FUZZ_SECONDS</c> runs it longer.
/// </summary>
public sealed class InputFuzzTests(ITestOutputHelper output)
{
    private const int CiSeconds = 3;

    private static readonly NewsScorer Scorer = NewsScorer.Create(new ScorerOptions { RulesOnly = true });

    private static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;

    private static readonly string[] Texts = [Articles.Wire, Articles.Plain, Articles.ThreeSpeakers, Articles.CommaQuote, "\u201cCurly \u2014 quotes,\u201d she said.\n"];

    private static readonly byte[][] Hostile =
    [
        [0], [0, 0, 0], [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xC0], [0xC3], [0xE2, 0x80], [0xF0, 0x9F, 0x98], [0xED, 0xA0, 0x80],
        [0x80], [0x93], [0x94], [0x96], [0xFF], [(byte)'"'], [(byte)'{'], [(byte)'}'], [(byte)'\\'], [(byte)'\n'], [(byte)'\r'], [0x1B], [0x7F],
    ];

    /// <summary>A text as bytes: UTF-8 mostly, sometimes UTF-16 with its BOM or Windows-1252, sometimes as JSON Lines.</summary>
    private static readonly Gen<byte[]> Encoded = Gen.Select(Gen.Int[0, Texts.Length - 1], Gen.Int[0, 9], Gen.Bool, (t, encoding, jsonl) =>
    {
        var text = Texts[t];
        if (jsonl) text = string.Concat(Enumerable.Range(0, 3).Select(i => JsonSerializer.Serialize(new { id = $"a{i}", text }) + "\n"));
        return encoding switch
        {
            0 => [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes(text)],
            1 => [.. Encoding.BigEndianUnicode.GetPreamble(), .. Encoding.BigEndianUnicode.GetBytes(text)],
            2 => Windows1252.GetBytes(text),
            _ => Encoding.UTF8.GetBytes(text),
        };
    });

    private static readonly Gen<Func<byte[], byte[]>> Edit = Gen.Int[0, 3].SelectMany(k => k switch
    {
        0 => Gen.Select(Gen.Double[0, 1], Gen.Byte.Array[1, 8], (at, bytes) => (Func<byte[], byte[]>)(b => Insert(b, at, bytes))),
        1 => Gen.Select(Gen.Double[0, 1], Gen.Int[1, 20], (at, n) => (Func<byte[], byte[]>)(b => { int s = (int)(at * b.Length); return [.. b[..s], .. b[Math.Min(b.Length, s + n)..]]; })),
        _ => Gen.Select(Gen.Double[0, 1], Gen.OneOf(Hostile), (at, bytes) => (Func<byte[], byte[]>)(b => Insert(b, at, bytes))),
    });

    private static readonly Gen<byte[]> Mutated = Gen.Select(Encoded, Edit.Array[0, 8], (bytes, edits) => edits.Aggregate(bytes, (b, edit) => edit(b)));

    [Fact]
    public void Any_bytes_on_stdin_are_read_without_exceptions_and_score_with_offsets_inside_the_text()
    {
        int seconds = int.TryParse(Environment.GetEnvironmentVariable("NEWSSTANCE_FUZZ_SECONDS"), out var s) ? s : CiSeconds;
        long inputs = 0;
        Mutated.Sample(bytes =>
        {
            Interlocked.Increment(ref inputs);
            foreach (var input in InputReader.Read(["-"], () => new MemoryStream(bytes)))
            {
                if (input.Error is not null || input.NoArticle) continue;
                var result = Scorer.Score(input.Id, input.Text);
                foreach (var q in result.Quotes)
                    foreach (var span in q.ContentSpans)
                        Assert.True(span.Start >= 0 && span.Start < span.End && span.End <= input.Text.Length, $"{span} outside 0..{input.Text.Length}");
            }
        }, iter: long.MaxValue, time: seconds, print: b => Convert.ToHexString(b));
        output.WriteLine($"{inputs:N0} mutated inputs read and scored in {seconds} s, no exception");
    }

    private static byte[] Insert(byte[] into, double at, byte[] bytes)
    {
        int s = (int)(at * into.Length);
        return [.. into[..s], .. bytes, .. into[s..]];
    }
}
