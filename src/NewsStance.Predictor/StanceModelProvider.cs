using Microsoft.ML;
using NewsStance.Internal.Stance;

namespace NewsStance;

/// <summary>
/// Loads the stance model of bundles whose stance features live outside the core predictor: the
/// sentence-embedding and fine-tuned encoder models of <c>NewsStance.Predictor.Semantic</c>, registered with
/// its <c>UseSemanticStance()</c>. A scorer uses only the providers in <see cref="ScorerOptions.StanceModels"/>:
/// nothing is found by name or reflection, so an app carries exactly the models it registers.
/// Implemented by NewsStance's own assemblies.
/// </summary>
public abstract class StanceModelProvider
{
    internal StanceModelProvider() { }

    /// <summary>The values of a bundle manifest's <c>stance.features</c> this provider loads.</summary>
    public abstract IReadOnlyCollection<string> Features { get; }

    /// <summary>Loads the stance file <paramref name="path"/> of the bundle <paramref name="bundleDirectory"/>, trained with <paramref name="features"/>.</summary>
    internal abstract IStanceModel Load(MLContext ml, string path, string features, string bundleDirectory);
}
