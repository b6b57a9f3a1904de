namespace NewsStance.Internal.Mentions;

/// <summary>The surface form of a mention, which decides how it is resolved.</summary>
internal enum MentionForm { Name, Pronoun, RoleNoun, Anonymous, Document, OrganizationNoun }

/// <summary>Whose lines a transcript's label opens: "Q: …" the interviewer's, "A: …" the interviewee's.</summary>
internal enum TranscriptLabel { None, Interviewer, Interviewee }

/// <summary>
/// A mention of a possible speaker: a name (with its title or role), a pronoun, a role noun,
/// an unnamed source or a document, as the mention finder made it: the entity it belongs to is
/// <see cref="EntityResolver.EntityOf"/>'s answer, not part of the mention.
/// </summary>
internal sealed class Mention
{
    public required int Index { get; init; }
    public required TextSpan Span { get; init; }
    public required MentionForm Form { get; init; }
    public required SpeakerKind Kind { get; init; }
    /// <summary>The text of the mention without a leading title or role (<c>Dmitry Peskov</c>).</summary>
    public required string Core { get; init; }
    /// <summary>The head word, lower case (<c>peskov</c>, <c>spokesman</c>, <c>he</c>).</summary>
    public required string Head { get; init; }
    /// <summary>The title or role standing with the mention (<c>Kremlin spokesman</c>), or null.</summary>
    public string? Role { get; init; }
    /// <summary>+1 male, −1 female, 0 unknown.</summary>
    public int Gender { get; init; }
    public bool Plural { get; init; }
    /// <summary>Two mentions joined by "and" as one speaker ("Russia and several other countries"); its parts are mentions too.</summary>
    public bool Conjoined { get; init; }
    /// <summary>For the label of a transcript's line ("Q: …", "A: …"): whom it stands for, the interviewer or the interviewee.</summary>
    public TranscriptLabel Label { get; init; }
    public required int Sentence { get; init; }
    public required int FirstToken { get; init; }
    public required int LastToken { get; init; }
    /// <summary>True when this is the first mention in its sentence (roughly: the subject).</summary>
    public bool IsSentenceInitial { get; init; }
    /// <summary>True for a mention inside an opening phrase ended by a comma: "Velna" in "Speaking in Velna, Ruiz said …".</summary>
    public bool InOpeningPhrase { get; init; }
}

/// <summary>One real-world speaker as the article refers to it, with its fullest name.</summary>
internal sealed class Entity
{
    public required int Id { get; init; }
    public required string Name { get; set; }
    /// <summary>True while <see cref="Name"/> comes from the title or a headline-case line, whose title case joins words that are no name ("… Does Not Like Donald Trump").</summary>
    public bool NamedInHeadline { get; set; }
    public required SpeakerKind Kind { get; init; }
    public string? Role { get; set; }
    public int Gender { get; set; }
    public List<Mention> Mentions { get; } = [];
}
