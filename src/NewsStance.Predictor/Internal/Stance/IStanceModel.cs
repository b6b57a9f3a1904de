namespace NewsStance.Internal.Stance;

/// <summary>One (quote, target) pair to score, with the target's mention inside the quote text if found.</summary>
internal sealed record StanceInput(int QuoteIndex, string Text, string Target, int MentionStart, int MentionEnd, string? CueLemma);

/// <summary>Labels the stance of quote texts toward targets. Must be thread-safe.</summary>
internal interface IStanceModel
{
    IReadOnlyList<string> Labels { get; }
    StanceResult[] Predict(IReadOnlyList<StanceInput> inputs);
}
