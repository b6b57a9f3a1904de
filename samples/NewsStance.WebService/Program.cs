using NewsStance;
using NewsStance.WebService;

// A web service around NewsStance: POST an article (the JSON Lines input shape), get its quotes, speakers and stance.
var builder = WebApplication.CreateBuilder(args);

var settings = builder.Configuration.GetSection("NewsStance");
long maxArticleBytes = settings.GetValue<long?>("MaxArticleBytes") ?? 1024 * 1024;
builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = maxArticleBytes);

// One scorer for the whole service, created on first use; models/default needs the semantic stance model registered.
builder.Services.AddNewsStance(o =>
{
    // A relative folder is taken from the content root (the project folder under `dotnet run`).
    o.ModelDirectory = Path.GetFullPath(settings["ModelDirectory"] ?? "../../models/default", builder.Environment.ContentRootPath);
    o.UseSemanticStance();
});
builder.Services.AddProblemDetails();
builder.Services.AddHealthChecks().AddCheck<ScorerHealthCheck>("model");
builder.Services.AddSingleton(new ArticleEndpoint.Limits(maxArticleBytes));

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();

app.MapPost("/articles", ArticleEndpoint.Score);
app.MapHealthChecks("/health", new() { ResponseWriter = ScorerHealthCheck.WriteResponse });

app.Run();

/// <summary>The entry point, visible to the integration tests' <c>WebApplicationFactory&lt;Program&gt;</c>.</summary>
public partial class Program;
