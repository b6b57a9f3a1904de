using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Mentions;

/// <summary>
/// Where the next reporting-verb form is from each token of an article, built once per article: the share and
/// subject-phrase finders ask "is a verb of saying within a few tokens?" of every word, and most answers are no.
/// </summary>
internal sealed class ReportingVerbIndex
{
    private readonly int[] _next;

    public ReportingVerbIndex(Article a)
    {
        var tokens = a.Tokens;
        _next = new int[tokens.Length + 1];
        _next[tokens.Length] = tokens.Length;
        for (int k = tokens.Length - 1; k >= 0; k--)
            _next[k] = tokens[k].Kind == TokenKind.Word && Lexicon.ReportingLemma(a.Slice(tokens[k])) is not null ? k : _next[k + 1];
    }

    /// <summary>True when one of the <paramref name="count"/> tokens from <paramref name="t"/>, before <paramref name="limit"/>, is a reporting-verb form.</summary>
    public bool Within(int t, int limit, int count) => t < _next.Length && _next[t] < Math.Min(limit, t + count);
}
