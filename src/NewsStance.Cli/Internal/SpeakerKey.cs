namespace NewsStance.Cli.Internal;

/// <summary>
/// How a speaker is counted across a batch: a person or organisation named as such by its name; "the
/// diplomat" in one article and in another are not one source, so unnamed and described speakers are
/// counted together by kind.
/// </summary>
internal static class SpeakerKey
{
    /// <summary>The key quotes are summed under: the name, or <c>(kind, unnamed or described)</c>.</summary>
    public static string Of(string name, string kind) => IsName(name, kind) ? name : $"({kind}, unnamed or described)";

    /// <summary>A person or organisation named as such, not described ("a European diplomat", "the report").</summary>
    public static bool IsName(string name, string kind)
        => kind is "person" or "organization"
           && name.Length > 0 && char.IsUpper(name[0])
           && !(name.StartsWith("A ", StringComparison.Ordinal) || name.StartsWith("An ", StringComparison.Ordinal) || name.StartsWith("The ", StringComparison.Ordinal));
}
