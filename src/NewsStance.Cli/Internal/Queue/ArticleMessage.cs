using System.Text.Encodings.Web;
using System.Text.Json;
using RabbitMQ.Client;

namespace NewsStance.Cli.Internal.Queue;

/// <summary>
/// An article as a message: the JSON Lines input shape (<c>{"id": …, "text": …}</c> plus the input's
/// other fields), persistent, with the article id as its message id. Read back exactly as <c>score</c>
/// reads a JSON Lines line, so a queued article is scored as the same line given to <c>score</c> would be.
/// </summary>
internal static class ArticleMessage
{
    private static readonly JsonWriterOptions Options = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static byte[] Body(ArticleInput input)
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, Options))
        {
            w.WriteStartObject();
            w.WriteString("id", input.Id);
            w.WriteString("text", input.Text);
            foreach (var (k, v) in input.Extra ?? new Dictionary<string, JsonElement>()) { w.WritePropertyName(k); v.WriteTo(w); }
            w.WriteEndObject();
        }
        return buffer.ToArray();
    }

    public static BasicProperties Properties(string articleId) => new()
    {
        Persistent = true,
        MessageId = articleId,
        ContentType = "application/json",
    };

    /// <summary>
    /// The article a message holds, or an <see cref="ArticleInput"/> whose <see cref="ArticleInput.Error"/>
    /// says why it is not one (then it goes to the dead-letter queue). A message without an <c>id</c>
    /// field takes its message id.
    /// </summary>
    public static ArticleInput Read(ReadOnlySpan<byte> body, string? messageId, ulong deliveryTag)
    {
        string where = $"message {(string.IsNullOrEmpty(messageId) ? $"#{deliveryTag}" : messageId)}";
        if (body.StartsWith(ArticleDecoder.Bom)) body = body[3..];
        if (body.Trim(" \t\r\n"u8).IsEmpty) return new ArticleInput(where, messageId ?? "", "", Error: "empty message: not an article");
        if (body.Contains((byte)0)) return new ArticleInput(where, messageId ?? "", "", Error: ArticleDecoder.BinaryError);
        var json = ArticleDecoder.DecodeUtf8(body, out int badByte);
        var input = InputReader.ParseArticle(where, json.Trim(), messageId ?? "", badByte >= 0 ? ArticleDecoder.InvalidUtf8(badByte) : null);
        if (input.Error is null && input.Id.Length == 0)
            return input with { Error = "the article has no \"id\" field and the message no message id" };
        return input;
    }
}
