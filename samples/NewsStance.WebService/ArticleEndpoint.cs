using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.Features;

namespace NewsStance.WebService;

/// <summary>
/// <c>POST /articles</c>: one article as a JSON object, <c>{"id": …, "text": …}</c> plus any other fields, the shape of a
/// JSON Lines input line. Answers with the result contract (<c>score --format jsonl</c>'s object), the other fields
/// carried through; stance targets come as <c>?target=Name|alias</c>, repeatable.
/// </summary>
internal static class ArticleEndpoint
{
    /// <summary>The largest article body accepted, in bytes.</summary>
    public sealed record Limits(long MaxArticleBytes);

    /// <summary>Fields the result owns; an input field of the same name never replaces them.</summary>
    private static readonly HashSet<string> Reserved = ["id", "text", "article_id", "quotes"];

    public static async Task<IResult> Score(HttpRequest request, INewsScorer scorer, Limits limits, CancellationToken cancellation)
    {
        if (request.ContentLength > limits.MaxArticleBytes) return TooLarge(limits);
        byte[] body;
        try
        {
            body = await ReadAtMost(request.Body, limits.MaxArticleBytes, cancellation);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge(limits);
        }
        if (body.LongLength > limits.MaxArticleBytes) return TooLarge(limits);

        JsonObject article;
        try
        {
            article = JsonNode.Parse(body) as JsonObject
                ?? throw new JsonException("the body is JSON, but not an object");
        }
        catch (JsonException e)
        {
            return BadRequest("The body is not a JSON object", $"Send one article as {{\"id\": \"…\", \"text\": \"…\"}} ({e.Message}).");
        }
        if (article["text"] is not JsonValue textValue || !textValue.TryGetValue(out string? text))
            return BadRequest("The article has no text", "The JSON object needs a \"text\" field holding the article as a string.");
        // As the CLI reads a JSON Lines id: a string as it is, anything else as its JSON text.
        string id = article["id"] switch
        {
            JsonValue v when v.TryGetValue(out string? s) => s,
            JsonNode other => other.ToJsonString(),
            null => "article",
        };

        List<StanceTarget> targets;
        try { targets = [.. request.Query["target"].OfType<string>().Select(StanceTarget.Parse)]; }
        catch (FormatException e) { return BadRequest("A stance target cannot be read", e.Message); }

        var result = scorer.Score(id, text, targets);
        var json = JsonSerializer.SerializeToNode(result, ArticleResultJson.Options)!.AsObject();
        foreach (var (name, value) in article)
            if (!Reserved.Contains(name)) json[name] = value?.DeepClone();
        return Results.Text(json.ToJsonString(ArticleResultJson.Options), "application/json");
    }

    /// <summary>Reads the body, but never more than one byte past <paramref name="limit"/>: enough to know it is too large.</summary>
    private static async Task<byte[]> ReadAtMost(Stream body, long limit, CancellationToken cancellation)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await body.ReadAsync(chunk, cancellation)) > 0)
        {
            buffer.Write(chunk, 0, read);
            if (buffer.Length > limit) break;
        }
        return buffer.ToArray();
    }

    private static IResult TooLarge(Limits limits) => Results.Problem(
        title: "The article is too large",
        detail: $"This service accepts articles of up to {limits.MaxArticleBytes:N0} bytes (NewsStance:MaxArticleBytes).",
        statusCode: StatusCodes.Status413PayloadTooLarge);

    private static IResult BadRequest(string title, string detail)
        => Results.Problem(title: title, detail: detail, statusCode: StatusCodes.Status400BadRequest);
}
