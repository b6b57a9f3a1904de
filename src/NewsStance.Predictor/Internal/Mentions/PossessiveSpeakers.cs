using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Mentions;

/// <summary>
/// A possessive pronoun that owns a noun of saying with its content: "his promise to cut taxes", "her warning that
/// prices would rise", "their repeated claims that …". The pronoun names who said it, as a subject pronoun does before a
/// verb of saying, so it is a pronoun mention there (and nowhere else: "his car" names no speaker).
/// </summary>
internal static class PossessiveSpeakers
{
    /// <summary>The most modifiers between the pronoun and its noun ("his most recent claim").</summary>
    private const int MaxModifiers = 2;

    /// <summary>
    /// The subject pronoun ("he", "she", "they", "it") that the possessive pronoun at token <paramref name="i"/> stands for
    /// when it owns a noun of saying with its content; else null.
    /// </summary>
    public static string? SubjectOf(Article a, int i, int end)
    {
        var tokens = a.Tokens;
        if (tokens[i].Kind != TokenKind.Word) return null;
        // Asked of most words: compares in place rather than copying the word.
        var word = a.Slice(tokens[i]);
        string? subject = word.Equals("his", StringComparison.OrdinalIgnoreCase) ? "he"
            : word.Equals("her", StringComparison.OrdinalIgnoreCase) ? "she"
            : word.Equals("their", StringComparison.OrdinalIgnoreCase) ? "they"
            : word.Equals("its", StringComparison.OrdinalIgnoreCase) ? "it" : null;
        if (subject is null) return null;
        for (int k = i + 1; k < end && k - i - 1 <= MaxModifiers && tokens[k].Kind == TokenKind.Word; k++)
        {
            var w = a.TextOf(tokens[k]);
            if (!char.IsLower(w[0])) return null;
            if (Lexicon.StatementNouns.Contains(w) || Lexicon.CommitmentNouns.Contains(w)) return HasContent(a, k, end, w) ? subject : null;
            if (Lexicon.Determiners.Contains(w) || MentionWords.Prepositions.Contains(w)) return null;
        }
        return null;
    }

    /// <summary>True when "that" (or "is that") follows a noun of saying at <paramref name="noun"/>, or "to" one of promising.</summary>
    private static bool HasContent(Article a, int noun, int end, string w)
    {
        int k = noun + 1;
        if (k + 1 < end && a.TextOf(a.Tokens[k]) is "is" or "was" && a.TextOf(a.Tokens[k + 1]) == "that") k++;
        if (k >= end || a.Tokens[k].Kind != TokenKind.Word) return false;
        var next = a.TextOf(a.Tokens[k]);
        return next == "that" && Lexicon.StatementNouns.Contains(w) || next == "to" && Lexicon.CommitmentNouns.Contains(w);
    }
}
