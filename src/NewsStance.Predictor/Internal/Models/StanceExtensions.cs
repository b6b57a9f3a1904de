using Microsoft.ML;
using NewsStance.Internal.Stance;

namespace NewsStance.Internal.Models;

/// <summary>
/// Loads stance models whose features live in an opt-in assembly (for example the sentence-embedding
/// features of NewsStance.Predictor.Semantic) through the providers the app registered, so the core
/// predictor stays light. A bundle whose provider was not registered is refused with the call that is missing.
/// </summary>
internal static class StanceExtensions
{
    /// <summary>The package that loads each feature set the core does not: named here only to say what to register.</summary>
    private static readonly Dictionary<string, string> Packages = new()
    {
        ["semantic"] = SemanticPackage,
        ["semantic-minilm"] = SemanticPackage,
        ["semantic-arcticxs"] = SemanticPackage,
        ["encoder-arcticxs"] = SemanticPackage,
        ["encoder-minilm"] = SemanticPackage,
    };

    private const string SemanticPackage = "NewsStance.Predictor.Semantic";

    public static IStanceModel Load(string features, MLContext ml, string path, string directory, IEnumerable<StanceModelProvider> providers)
    {
        if (providers.FirstOrDefault(p => p.Features.Contains(features)) is { } provider)
            return provider.Load(ml, path, features, directory);
        if (Packages.TryGetValue(features, out var package))
            throw new ModelLoadException($"'{directory}' scores stance with '{features}', which {package} loads, and it is not registered. "
                + $"Reference the {package} package and call UseSemanticStance() on the scorer's options "
                + "(NewsScorer.Create(new ScorerOptions().UseSemanticStance()), or services.AddNewsStance(o => o.UseSemanticStance())), "
                + "or use a bundle with n-gram stance such as models/fast.");
        throw new ModelLoadException($"'{directory}' uses stance features '{features}', which this version of NewsStance does not know. Use a bundle trained with --features ngram, or a newer NewsStance.");
    }
}
