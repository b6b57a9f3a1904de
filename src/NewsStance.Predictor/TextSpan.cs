namespace NewsStance;

/// <summary>
/// A half-open range of UTF-16 code units in the article text exactly as read (after BOM removal).
/// </summary>
/// <param name="Start">Offset of the first code unit.</param>
/// <param name="End">Offset one past the last code unit.</param>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>Number of code units covered.</summary>
    public int Length => End - Start;

    /// <summary>True when the two spans share at least one code unit.</summary>
    public bool Overlaps(TextSpan other) => Start < other.End && other.Start < End;

    /// <summary>True when <paramref name="other"/> lies wholly inside this span.</summary>
    public bool Contains(TextSpan other) => Start <= other.Start && other.End <= End;

    /// <summary>The text this span covers in <paramref name="text"/>.</summary>
    public string Of(string text) => text.Substring(Start, End - Start);

    /// <inheritdoc />
    public override string ToString() => $"[{Start}, {End})";
}
