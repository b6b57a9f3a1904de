namespace NewsStance;

/// <summary>How a quotation is reported.</summary>
public enum QuoteType
{
    /// <summary>Wholly inside quotation marks.</summary>
    Direct,

    /// <summary>Reported speech without quotation marks.</summary>
    Indirect,

    /// <summary>Reported speech that holds a quoted fragment.</summary>
    Mixed,
}
