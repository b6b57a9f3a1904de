namespace NewsStance;

/// <summary>How a <see cref="NewsScorer"/> is set up.</summary>
public sealed record ScorerOptions
{
    /// <summary>The model bundle folder. Default: null, meaning look it up (see <see cref="NewsScorer.Create"/>).</summary>
    public string? ModelDirectory { get; init; }

    /// <summary>Skip the model bundle: hand-set speaker scoring and no stance. Default: false.</summary>
    public bool RulesOnly { get; init; }
}
