using NewsStance.Semantic;

namespace NewsStance;

/// <summary>Registers this package's stance models with a scorer.</summary>
public static class SemanticStanceExtensions
{
    /// <summary>
    /// Lets the scorer load bundles that score stance with sentence embeddings (<c>--features semantic-arcticxs</c>,
    /// <c>semantic-minilm</c>, as the shipped <c>models/default</c>) or a fine-tuned encoder (<c>encoder-arcticxs</c>,
    /// <c>encoder-minilm</c>). Without it such a bundle is refused with a <see cref="ModelLoadException"/>. Calling it
    /// twice registers the models once.
    /// </summary>
    /// <param name="options">The scorer's options.</param>
    /// <returns><paramref name="options"/>, to chain calls.</returns>
    /// <example>
    /// <code>
    /// using var scorer = NewsScorer.Create(new ScorerOptions { ModelDirectory = "models/default" }.UseSemanticStance());
    /// // or, with dependency injection:
    /// services.AddNewsStance(o => o.UseSemanticStance());
    /// </code>
    /// </example>
    public static ScorerOptions UseSemanticStance(this ScorerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (!options.StanceModels.Contains(SemanticStanceModels.Instance))
            options.StanceModels.Add(SemanticStanceModels.Instance);
        return options;
    }
}
