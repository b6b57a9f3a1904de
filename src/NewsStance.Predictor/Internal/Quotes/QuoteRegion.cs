namespace NewsStance.Internal.Quotes;

/// <summary>
/// Text between quotation marks. A quotation running over paragraphs (each opening with a mark,
/// only the last closing) is one region with a piece per paragraph.
/// </summary>
internal sealed class QuoteRegion
{
    /// <summary>The quoted text, without the marks: one piece per paragraph, in text order (none when the marks enclose nothing).</summary>
    public required IReadOnlyList<TextSpan> Pieces { get; init; }
    /// <summary>From the opening mark to the closing mark (or the paragraph end when unbalanced).</summary>
    public required TextSpan Outer { get; init; }
    /// <summary>The words and numbers quoted.</summary>
    public int Words { get; init; }
    /// <summary>The quotation ends like a sentence: with a stop, or with a comma right after its closing mark.</summary>
    public bool EndsWithStop { get; init; }
    public bool StartsUpper { get; init; }
}
