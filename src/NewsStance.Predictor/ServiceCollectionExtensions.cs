using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace NewsStance;

/// <summary>Registers NewsStance with a dependency-injection container.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="INewsScorer"/> as a singleton <see cref="NewsScorer"/>, created (and its model bundle
    /// loaded) the first time it is resolved, and disposed with the container. It logs to the container's
    /// <see cref="ILoggerFactory"/> when there is one and <see cref="ScorerOptions.LoggerFactory"/> is not set.
    /// </summary>
    /// <param name="services">The container's services.</param>
    /// <param name="configure">Sets up the <see cref="ScorerOptions"/>, once, when this is called; it sets <see cref="ScorerOptions.ModelDirectory"/> (or <see cref="ScorerOptions.RulesOnly"/>).</param>
    /// <returns><paramref name="services"/>, to chain calls.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddNewsStance(o => o.ModelDirectory = "models/fast");
    /// // models/default scores stance with sentence embeddings: reference NewsStance.Predictor.Semantic and register it.
    /// builder.Services.AddNewsStance(o => o.UseSemanticStance());
    /// // later: app.MapPost("/score", (INewsScorer scorer, ArticleText a) => scorer.Score(a.Id, a.Text));
    /// </code>
    /// </example>
    public static IServiceCollection AddNewsStance(this IServiceCollection services, Action<ScorerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new ScorerOptions();
        configure?.Invoke(options);
        // A copy: the lambda's object changed later does not change the scorer.
        options = options with { StanceModels = [.. options.StanceModels] };
        services.AddSingleton<INewsScorer>(provider => NewsScorer.Create(
            options.LoggerFactory is null ? options with { LoggerFactory = provider.GetService<ILoggerFactory>() } : options));
        return services;
    }
}
