namespace NewsStance;

/// <summary>What sort of source a speaker is.</summary>
public enum SpeakerKind
{
    /// <summary>A named or described person.</summary>
    Person,

    /// <summary>An organisation, government or country speaking as a body.</summary>
    Organization,

    /// <summary>An unnamed source: "officials said", "a source familiar with the talks".</summary>
    Anonymous,

    /// <summary>A document: "the report says", "the ruling states".</summary>
    Document,

    /// <summary>A source that could not be classified.</summary>
    Unknown,
}
