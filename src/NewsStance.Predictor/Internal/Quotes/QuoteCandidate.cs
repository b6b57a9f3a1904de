using NewsStance.Internal.Mentions;

namespace NewsStance.Internal.Quotes;

/// <summary>How the attribution of a quote is laid out around it.</summary>
internal enum FramePattern
{
    /// <summary>No attribution in the sentence: a bare quotation.</summary>
    None,
    /// <summary>Subject before the cue, content after: "Peskov stressed that …".</summary>
    SubjectCueContent,
    /// <summary>Content first, then subject and cue: "…, Peskov said."</summary>
    ContentSubjectCue,
    /// <summary>Content first, then cue and subject: "…, said Peskov."</summary>
    ContentCueSubject,
    /// <summary>"According to X, …" or "…, according to X."</summary>
    AccordingTo,
    /// <summary>"Peskov: …" with no verb.</summary>
    Colon,
    /// <summary>A participle continuing the sentence's subject: "…, adding that …".</summary>
    Participle,
    /// <summary>An em-dash trailer: "… — Ana Ruiz, mayor".</summary>
    DashTrailer,
}

/// <summary>
/// A quotation the rules found: its type, content pieces, cue and the mention its frame names. Not changed
/// once made: later stages read it.
/// </summary>
internal sealed class QuoteCandidate
{
    public required QuoteType Type { get; init; }
    /// <summary>The content pieces; the finder gives them in text order.</summary>
    public required IReadOnlyList<TextSpan> Content { get; init; }
    public TextSpan? Cue { get; init; }
    public string? CueLemma { get; init; }
    /// <summary>The mention the grammatical frame makes the speaker (subject of the cue), if any.</summary>
    public Mention? FrameSpeaker { get; init; }
    public FramePattern Pattern { get; init; }
    public required int Sentence { get; init; }
    public required int Paragraph { get; init; }
    /// <summary>The quotations the content holds: a frame claims them, so none of them is a bare quote of its own.</summary>
    public IReadOnlyList<QuoteRegion> Quotations { get; init; } = [];

    public int Start => Content[0].Start;
    public int End => Content[^1].End;
}
