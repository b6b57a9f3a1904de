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

/// <summary>A quotation the rules found: its type, content pieces, cue and the mention its frame names.</summary>
internal sealed class QuoteCandidate
{
    public required QuoteType Type { get; set; }
    public List<TextSpan> Content { get; } = [];
    public TextSpan? Cue { get; set; }
    public string? CueLemma { get; set; }
    /// <summary>The mention the grammatical frame makes the speaker (subject of the cue), if any.</summary>
    public Mention? FrameSpeaker { get; set; }
    public FramePattern Pattern { get; set; }
    public required int Sentence { get; init; }
    public required int Paragraph { get; init; }

    public int Start => Content[0].Start;
    public int End => Content[^1].End;
}
