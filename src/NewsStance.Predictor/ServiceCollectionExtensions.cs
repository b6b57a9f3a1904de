using Microsoft.Extensions.DependencyInjection;

namespace NewsStance;

/// <summary>Registers NewsStance with a dependency-injection container.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="INewsScorer"/> as a singleton <see cref="NewsScorer"/>, created (and its model bundle
    /// loaded) the first time it is resolved, and disposed with the container.
    /// </summary>
    /// <param name="services">The container's services.</param>
    /// <param name="configure">Sets up the <see cref="ScorerOptions"/>, once, when this is called; it sets <see cref="ScorerOptions.ModelDirectory"/> (or <see cref="ScorerOptions.RulesOnly"/>).</param>
    /// <returns><paramref name="services"/>, to chain calls.</returns>
    /// <example>
    /// <code>
    /// builder.Services.AddNewsStance(o => o.ModelDirectory = "models/fast");
    /// // later: app.MapPost("/score", (INewsScorer scorer, ArticleText a) => scorer.Score(a.Id, a.Text));
    /// </code>
    /// </example>
    public static IServiceCollection AddNewsStance(this IServiceCollection services, Action<ScorerOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = new ScorerOptions();
        configure?.Invoke(options);
        options = options with { }; // a copy: the lambda's object changed later does not change the scorer
        services.AddSingleton<INewsScorer>(_ => NewsScorer.Create(options));
        return services;
    }
}
