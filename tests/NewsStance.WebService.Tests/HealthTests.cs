using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.Hosting;

namespace NewsStance.WebService.Tests;

public sealed class HealthTests : IClassFixture<ServiceFactory>
{
    private readonly ServiceFactory _factory;

    public HealthTests(ServiceFactory factory) => _factory = factory;

    [Fact]
    public async Task Health_is_healthy_with_the_loaded_bundle()
    {
        // Given
        using var client = _factory.CreateClient();

        // When
        using var response = await client.GetAsync("/health");

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Healthy", health.GetProperty("status").GetString());
        Assert.EndsWith("fast", health.GetProperty("model").GetString());
        Assert.Equal(["against", "favor", "neutral"], health.GetProperty("stance_labels").EnumerateArray().Select(l => l.GetString()).Order());
    }

    [Fact]
    public async Task Health_is_unhealthy_with_the_reason_when_the_bundle_cannot_be_loaded()
    {
        // Given
        var missing = Path.Combine(Path.GetTempPath(), $"no-bundle-{Guid.NewGuid():N}");
        using var factory = _factory.WithWebHostBuilder(b => b.UseSetting("NewsStance:ModelDirectory", missing));
        using var client = factory.CreateClient();

        // When
        using var response = await client.GetAsync("/health");

        // Then
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var health = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Unhealthy", health.GetProperty("status").GetString());
        Assert.Contains(missing, health.GetProperty("description").GetString());
    }

    [Fact]
    public async Task Shipped_default_bundle_scores_stance_through_the_explicit_semantic_registration()
    {
        // Given: models/default, whose stance model comes from NewsStance.Predictor.Semantic
        using var factory = _factory.WithWebHostBuilder(b => b.UseSetting("NewsStance:ModelDirectory", RepoModels.Default));
        using var client = factory.CreateClient();

        // When
        using var response = await client.PostAsJsonAsync("/articles?target=taxes",
            new { id = "budget", text = "\"We will not raise taxes,\" Finance Minister Lars Berg said on Monday." });

        // Then
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        var stance = Assert.Single(Assert.Single(result.GetProperty("quotes").EnumerateArray()).GetProperty("stance").EnumerateArray());
        Assert.Contains(stance.GetProperty("label").GetString(), new[] { "favor", "against", "neutral" });
    }
}
