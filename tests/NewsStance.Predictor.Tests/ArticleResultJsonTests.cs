using System.Text.Json;

namespace NewsStance.Tests;

public sealed class ArticleResultJsonTests
{
    private static readonly ArticleResult Result = new("sputnik-venezuela", "2019-09-26", "MOSCOW (Sputnik)", null,
    [
        new QuoteResult(QuoteType.Direct, "We support Maduro", [new TextSpan(10, 27)], new CueResult("told", new TextSpan(36, 40)),
            new SpeakerResult("Peskov", new TextSpan(29, 35), "Dmitry Peskov", SpeakerKind.Person, "Kremlin spokesman", 0.94),
            [new StanceResult("Nicolas Maduro", "favor", 0.81, new Dictionary<string, double> { ["favor"] = 0.81, ["against"] = 0.05, ["neutral"] = 0.14 })]),
        new QuoteResult(QuoteType.Indirect, "talks would go on", [new TextSpan(50, 67)], null, null, []),
    ]);

    [Fact]
    public void Result_is_written_as_the_output_contract()
    {
        // When
        var json = JsonSerializer.Serialize(Result, ArticleResultJson.Options);

        // Then
        Assert.Equal("""
            {"article_id":"sputnik-venezuela","date":"2019-09-26","dateline":"MOSCOW (Sputnik)","title":null,"quotes":[{"type":"direct","text":"We support Maduro","content_spans":[[10,27]],"cue":{"text":"told","span":[36,40]},"speaker":{"mention":"Peskov","span":[29,35],"name":"Dmitry Peskov","kind":"person","role":"Kremlin spokesman","confidence":0.94},"stance":[{"target":"Nicolas Maduro","label":"favor","confidence":0.81,"scores":{"favor":0.81,"against":0.05,"neutral":0.14}}]},{"type":"indirect","text":"talks would go on","content_spans":[[50,67]],"cue":null,"speaker":null,"stance":[]}]}
            """, json);
    }

    [Fact]
    public void Written_result_reads_back_the_same()
    {
        // When
        var read = JsonSerializer.Deserialize<ArticleResult>(JsonSerializer.Serialize(Result, ArticleResultJson.Options), ArticleResultJson.Options)!;

        // Then
        Assert.Equal(JsonSerializer.Serialize(Result, ArticleResultJson.Options), JsonSerializer.Serialize(read, ArticleResultJson.Options));
        Assert.Equal(new TextSpan(29, 35), read.Quotes[0].Speaker!.Span);
        Assert.Equal(SpeakerKind.Person, read.Quotes[0].Speaker!.Kind);
    }
}
