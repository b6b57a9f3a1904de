using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace NewsStance.WebService;

/// <summary>
/// Healthy when the scorer is loaded: the first check loads the model bundle, so a service behind a load balancer
/// turns healthy only once it can answer. Unhealthy, with the reason, when the bundle cannot be loaded.
/// </summary>
internal sealed class ScorerHealthCheck(IServiceProvider services) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var scorer = services.GetRequiredService<INewsScorer>();
            var data = new Dictionary<string, object>
            {
                ["model"] = scorer.Model?.Directory ?? "none (rules only)",
                ["stance_labels"] = scorer.Model?.StanceLabels ?? [],
            };
            return Task.FromResult(HealthCheckResult.Healthy("The scorer is loaded.", data));
        }
        catch (ModelLoadException e)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy(e.Message));
        }
    }

    /// <summary>The health as JSON: <c>{"status": "Healthy", "description": …, "model": …}</c>.</summary>
    public static Task WriteResponse(HttpContext http, HealthReport report)
    {
        var entry = report.Entries.Values.FirstOrDefault();
        var body = new Dictionary<string, object?>
        {
            ["status"] = report.Status.ToString(),
            ["description"] = entry.Description,
        };
        foreach (var (key, value) in entry.Data ?? new Dictionary<string, object>()) body[key] = value;
        http.Response.ContentType = "application/json";
        return http.Response.WriteAsync(JsonSerializer.Serialize(body));
    }
}
