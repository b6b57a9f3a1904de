namespace NewsStance;

/// <summary>How a <see cref="NewsScorer"/> is set up. Settable, so <see cref="ServiceCollectionExtensions.AddNewsStance"/> can configure it in place.</summary>
public sealed record ScorerOptions
{
    /// <summary>
    /// The model bundle: a folder, or the name of a bundle under <c>models/</c> (<c>default</c>, <c>fast</c>)
    /// found beside the executable or above the working directory. Default: null, meaning look it up (see
    /// <see cref="NewsScorer.Create"/>).
    /// </summary>
    public string? ModelDirectory { get; set; }

    /// <summary>Skip the model bundle: hand-set speaker scoring and no stance. Default: false.</summary>
    public bool RulesOnly { get; set; }
}
