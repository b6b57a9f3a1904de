using Microsoft.ML;
using NewsStance.Internal.Stance;

namespace NewsStance.Semantic;

/// <summary>
/// The stance models of this assembly, as the core predictor asks for them by a bundle's
/// <c>stance.features</c>: sentence-embedding features (<c>semantic-*</c>) and fine-tuned encoders (<c>encoder-*</c>).
/// Registered by <see cref="SemanticStanceExtensions.UseSemanticStance"/>.
/// </summary>
internal sealed class SemanticStanceModels : StanceModelProvider
{
    public static readonly SemanticStanceModels Instance = new();

    private SemanticStanceModels() { }

    public override IReadOnlyCollection<string> Features { get; } = [.. SentenceModel.FeatureNames, .. EncoderStanceLoader.Encoders.Keys];

    internal override IStanceModel Load(MLContext ml, string path, string features, string bundleDirectory)
        => EncoderStanceLoader.Encoders.ContainsKey(features)
            ? EncoderStanceLoader.LoadModel(path, features, bundleDirectory)
            : SemanticStanceLoader.Load(ml, path, features, bundleDirectory);
}
