using System.Text.Json;

namespace NewsStance.Cli.Tests.Support;

/// <summary>Reads <c>--format jsonl</c> output and checks it against spec/OUTPUT.md §2.</summary>
internal static class Jsonl
{
    public static readonly string[] QuoteFields = ["type", "text", "content_spans", "cue", "speaker", "stance"];
    public static readonly string[] SpeakerFields = ["mention", "span", "name", "kind", "role", "confidence"];

    /// <summary>One parsed object per non-empty line; fails the test on a line that is not JSON.</summary>
    public static List<JsonElement> Parse(string output)
        => output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    public static JsonElement Single(string output) => Assert.Single(Parse(output));

    public static string[] Names(JsonElement obj) => obj.EnumerateObject().Select(p => p.Name).ToArray();

    public static (int Start, int End) Span(JsonElement span)
    {
        Assert.Equal(JsonValueKind.Array, span.ValueKind);
        Assert.Equal(2, span.GetArrayLength());
        return (span[0].GetInt32(), span[1].GetInt32());
    }

    public static string Of(string text, (int Start, int End) s) => text[s.Start..s.End];

    public static JsonElement[] Quotes(JsonElement article) => article.GetProperty("quotes").EnumerateArray().ToArray();

    /// <summary>Every field of §2 is present, in the order the spec shows, with the right JSON kinds.</summary>
    public static void AssertFollowsSpec(JsonElement article)
    {
        var names = Names(article);
        Assert.Equal(["article_id", "date", "dateline"], names[..3]);
        Assert.Equal("quotes", names[^1]);
        Assert.Equal(JsonValueKind.String, article.GetProperty("article_id").ValueKind);
        Assert.Contains(article.GetProperty("date").ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
        Assert.Contains(article.GetProperty("dateline").ValueKind, new[] { JsonValueKind.String, JsonValueKind.Null });
        foreach (var q in Quotes(article))
        {
            Assert.Equal(QuoteFields, Names(q));
            Assert.Contains(q.GetProperty("type").GetString(), new[] { "direct", "indirect", "mixed" });
            Assert.NotEqual(0, q.GetProperty("content_spans").GetArrayLength());
            foreach (var s in q.GetProperty("content_spans").EnumerateArray()) Span(s);
            var cue = q.GetProperty("cue");
            if (cue.ValueKind != JsonValueKind.Null)
            {
                Assert.Equal(["text", "span"], Names(cue));
                Span(cue.GetProperty("span"));
            }
            var speaker = q.GetProperty("speaker");
            if (speaker.ValueKind != JsonValueKind.Null)
            {
                Assert.Equal(SpeakerFields, Names(speaker));
                Span(speaker.GetProperty("span"));
                Assert.Contains(speaker.GetProperty("kind").GetString(), new[] { "person", "organization", "anonymous", "document", "unknown" });
                var confidence = speaker.GetProperty("confidence").GetDouble();
                Assert.InRange(confidence, 0, 1);
            }
            Assert.Equal(JsonValueKind.Array, q.GetProperty("stance").ValueKind);
        }
    }

    /// <summary>Every span indexes <paramref name="text"/> and covers exactly the text the output states.</summary>
    public static void AssertOffsetsMatch(JsonElement article, string text)
    {
        foreach (var q in Quotes(article))
        {
            var pieces = new List<string>();
            foreach (var s in q.GetProperty("content_spans").EnumerateArray())
            {
                var span = Span(s);
                Assert.InRange(span.Start, 0, span.End - 1);
                Assert.InRange(span.End, span.Start + 1, text.Length);
                pieces.Add(Of(text, span));
            }
            Assert.Equal(q.GetProperty("text").GetString(), string.Join(" ", pieces));
            if (q.GetProperty("cue") is { ValueKind: JsonValueKind.Object } cue)
                Assert.Equal(cue.GetProperty("text").GetString(), Of(text, Span(cue.GetProperty("span"))));
            if (q.GetProperty("speaker") is { ValueKind: JsonValueKind.Object } speaker)
                Assert.Equal(speaker.GetProperty("mention").GetString(), Of(text, Span(speaker.GetProperty("span"))));
        }
    }
}
