using Microsoft.Extensions.Logging;

namespace NewsStance;

/// <summary>How a <see cref="NewsScorer"/> is set up. Settable, so <see cref="ServiceCollectionExtensions.AddNewsStance"/> can configure it in place.</summary>
public sealed record ScorerOptions
{
    /// <summary>
    /// The model bundle's folder (the one holding <c>manifest.json</c>). Required unless <see cref="RulesOnly"/>;
    /// the library does not search for one. Default: null.
    /// </summary>
    public string? ModelDirectory { get; set; }

    /// <summary>Skip the model bundle: hand-set speaker scoring and no stance. Default: false.</summary>
    public bool RulesOnly { get; set; }

    /// <summary>
    /// The stance models a bundle may need beyond the core's n-gram model. Default: empty. The shipped
    /// <c>models/default</c> needs the one <c>NewsStance.Predictor.Semantic</c> registers with <c>UseSemanticStance()</c>;
    /// loading a bundle whose stance model is not registered fails with a <see cref="ModelLoadException"/> that names it.
    /// </summary>
    public IList<StanceModelProvider> StanceModels { get; init; } = new List<StanceModelProvider>();

    /// <summary>
    /// Where the scorer logs the bundle it loaded (and how long that took) and the articles a batch could not
    /// score. Default: null, meaning no logging (<see cref="ServiceCollectionExtensions.AddNewsStance"/> uses the
    /// container's <see cref="ILoggerFactory"/> when there is one).
    /// </summary>
    public ILoggerFactory? LoggerFactory { get; set; }
}
