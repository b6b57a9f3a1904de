namespace NewsStance;

/// <summary>
/// Something a quote can take a stance toward: a name and the other ways an article may refer to it.
/// </summary>
/// <param name="Name">The target's name, reported in results.</param>
/// <param name="Aliases">Other names for it (<c>Maduro</c>, <c>the Venezuelan president</c>).</param>
public sealed record StanceTarget(string Name, IReadOnlyList<string> Aliases)
{
    /// <summary>
    /// Parses <c>"Nicolas Maduro|Maduro|the Venezuelan president"</c>: the first name is the target,
    /// the rest are aliases.
    /// </summary>
    /// <exception cref="FormatException">The text holds no name.</exception>
    public static StanceTarget Parse(string text)
    {
        var parts = text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0)
            throw new FormatException($"A target needs a name, as in \"Nicolas Maduro|Maduro\"; got \"{text}\".");
        return new StanceTarget(parts[0], parts[1..]);
    }

    /// <summary>The name followed by the aliases.</summary>
    public IEnumerable<string> AllNames => Aliases.Prepend(Name);
}
