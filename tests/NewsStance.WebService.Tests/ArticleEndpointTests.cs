using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace NewsStance.WebService.Tests;

public sealed class ArticleEndpointTests : IClassFixture<ServiceFactory>
{
    private const string Budget = "\"We will not raise taxes,\" Finance Minister Lars Berg said on Monday.";
    private readonly ServiceFactory _factory;

    public ArticleEndpointTests(ServiceFactory factory) => _factory = factory;

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static async Task<JsonElement> ProblemOf(HttpResponseMessage response)
    {
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        return (await response.Content.ReadFromJsonAsync<JsonElement>())!;
    }

    [Fact]
    public async Task Posted_article_comes_back_as_the_output_contract_with_its_other_fields()
    {
        // Given
        using var client = _factory.CreateClient();
        var body = JsonSerializer.Serialize(new { id = "budget", text = Budget, outlet = "Wire", date = "2025-01-06" });

        // When
        using var response = await client.PostAsync("/articles?target=taxes|tax", Json(body));

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("budget", result.GetProperty("article_id").GetString());
        Assert.Equal("Wire", result.GetProperty("outlet").GetString());
        Assert.Equal("2025-01-06", result.GetProperty("date").GetString());
        var quote = Assert.Single(result.GetProperty("quotes").EnumerateArray());
        Assert.Equal("direct", quote.GetProperty("type").GetString());
        var span = quote.GetProperty("content_spans")[0];
        Assert.Equal("We will not raise taxes", Budget[span[0].GetInt32()..span[1].GetInt32()]);
        Assert.Equal("Lars Berg", quote.GetProperty("speaker").GetProperty("name").GetString());
        Assert.Equal("person", quote.GetProperty("speaker").GetProperty("kind").GetString());
        var stance = Assert.Single(quote.GetProperty("stance").EnumerateArray());
        Assert.Equal("taxes", stance.GetProperty("target").GetString());
        Assert.Equal(1.0, stance.GetProperty("scores").EnumerateObject().Sum(s => s.Value.GetDouble()), 2);
    }

    [Fact]
    public async Task Sample_article_from_the_repository_is_scored()
    {
        // Given: one of the example articles in samples/
        using var client = _factory.CreateClient();
        var text = await File.ReadAllTextAsync(SamplePath("reuters-2025-03-03-water-tariff.txt"));

        // When
        using var response = await client.PostAsJsonAsync("/articles", new { id = "water", text });

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        var quotes = result.GetProperty("quotes").EnumerateArray().ToList();
        Assert.NotEmpty(quotes);
        Assert.Contains(quotes, q => q.GetProperty("speaker").ValueKind == JsonValueKind.Object);
    }

    [Theory]
    [InlineData("{\"id\": \"a\", \"text\": ", "The body is not a JSON object")]
    [InlineData("[\"a\", \"b\"]", "The body is not a JSON object")]
    [InlineData("{\"id\": \"a\"}", "The article has no text")]
    [InlineData("{\"id\": \"a\", \"text\": 42}", "The article has no text")]
    public async Task Bad_article_is_refused_as_a_400_problem(string body, string title)
    {
        // Given
        using var client = _factory.CreateClient();

        // When
        using var response = await client.PostAsync("/articles", Json(body));

        // Then
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await ProblemOf(response);
        Assert.Equal(400, problem.GetProperty("status").GetInt32());
        Assert.Equal(title, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task Bad_target_is_refused_as_a_400_problem()
    {
        // Given
        using var client = _factory.CreateClient();

        // When
        using var response = await client.PostAsync("/articles?target=%20|%20", Json(JsonSerializer.Serialize(new { id = "a", text = Budget })));

        // Then
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("A stance target cannot be read", (await ProblemOf(response)).GetProperty("title").GetString());
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Article_over_the_size_limit_is_refused_as_a_413_problem(bool lengthKnown)
    {
        // Given: a service that takes at most 1,000 bytes, and an article of 5,000
        using var factory = _factory.WithWebHostBuilder(b => b.UseSetting("NewsStance:MaxArticleBytes", "1000"));
        using var client = factory.CreateClient();
        var body = Encoding.UTF8.GetBytes(JsonSerializer.Serialize(new { id = "long", text = new string('a', 5000) }));
        HttpContent content = lengthKnown
            ? new ByteArrayContent(body)
            : new StreamContent(new UnknownLengthStream(body)); // sent chunked: the limit is found while reading
        content.Headers.ContentType = new("application/json");

        // When
        using var response = await client.PostAsync("/articles", content);

        // Then
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("1,000 bytes", (await ProblemOf(response)).GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Article_within_a_small_limit_is_still_scored()
    {
        // Given
        using var factory = _factory.WithWebHostBuilder(b => b.UseSetting("NewsStance:MaxArticleBytes", "1000"));
        using var client = factory.CreateClient();

        // When
        using var response = await client.PostAsJsonAsync("/articles", new { id = "a", text = Budget });

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Unknown_path_answers_with_a_problem()
    {
        // Given
        using var client = _factory.CreateClient();

        // When
        using var response = await client.GetAsync("/no-such-thing");

        // Then
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(404, (await ProblemOf(response)).GetProperty("status").GetInt32());
    }

    internal static string SamplePath(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var path = Path.Combine(dir.FullName, "samples", name);
            if (File.Exists(path)) return path;
        }
        throw new FileNotFoundException($"samples/{name} not found above {AppContext.BaseDirectory}");
    }

    /// <summary>A stream that does not tell its length, so the client sends it chunked.</summary>
    private sealed class UnknownLengthStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }
}
