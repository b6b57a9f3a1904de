namespace NewsStance.Internal.Quotes;

/// <summary>
/// Text between quotation marks. A quotation running over paragraphs (each opening with a mark,
/// only the last closing) is one region with a piece per paragraph.
/// </summary>
internal sealed class QuoteRegion
{
    public List<TextSpan> Pieces { get; } = [];
    /// <summary>From the opening mark to the closing mark (or the paragraph end when unbalanced).</summary>
    public TextSpan Outer { get; set; }
    public int Words { get; set; }
    public bool EndsWithStop { get; set; }
    public bool StartsUpper { get; set; }
}
