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
}
