using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace NewsStance;

/// <summary>
/// Serializer settings that write an <see cref="ArticleResult"/> as the project's result contract (the JSON that
/// <c>newsstance score --format jsonl</c> prints per article): snake_case names, lower-case enum values and spans as
/// <c>[start, end]</c>. For a web service or a file that other NewsStance tools read.
/// </summary>
/// <example>
/// <code>
/// string json = JsonSerializer.Serialize(scorer.Score("a1", text), ArticleResultJson.Options);
/// // minimal API: app.MapPost("/score", (...) => Results.Json(result, ArticleResultJson.Options));
/// </code>
/// </example>
public static class ArticleResultJson
{
    /// <summary>The settings (read-only): <c>{"article_id": …, "date": …, "dateline": …, "title": …, "quotes": [{"type": "direct", "content_spans": [[232, 626]], …}]}</c>.</summary>
    public static JsonSerializerOptions Options { get; } = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            Converters = { new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower), new SpanConverter() },
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }

    /// <summary>A span as the contract writes it: <c>[start, end]</c>.</summary>
    private sealed class SpanConverter : JsonConverter<TextSpan>
    {
        public override TextSpan Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var pair = JsonSerializer.Deserialize<int[]>(ref reader);
            return pair is [var start, var end] ? new TextSpan(start, end) : throw new JsonException("A span is [start, end].");
        }

        public override void Write(Utf8JsonWriter writer, TextSpan value, JsonSerializerOptions options)
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(value.Start);
            writer.WriteNumberValue(value.End);
            writer.WriteEndArray();
        }
    }
}
