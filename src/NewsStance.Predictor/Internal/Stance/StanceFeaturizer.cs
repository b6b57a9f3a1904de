using System.Text;

namespace NewsStance.Internal.Stance;

/// <summary>
/// Turns (quote text, target mention, cue) into the stance model's inputs: the text with the target
/// masked as <c>TARGET</c>; the words around the mention; the words in negation scope marked
/// <c>NEG_</c>; the cue verb (its colour: "claimed" vs "said"); and polarity counts overall, near the
/// target and under negation. Shared by training and scoring so both see the same features.
/// </summary>
internal static class StanceFeaturizer
{
    public const string Mask = "TARGET";
    public const int WindowWords = 6;

    // The text featurizers' punctuation setting per column, shared by the trainer (FeaturizeText options) and
    // LinearStanceScorer, which reproduces those featurizers and cannot read the setting back from a saved model.
    public const bool TextKeepsPunctuation = false;
    public const bool WindowKeepsPunctuation = true;
    public const bool NegatedKeepsPunctuation = false;

    public static StanceRow Build(string text, string? target, int mentionStart, int mentionEnd, string? cue, IEnumerable<string>? aliases = null, string label = "")
    {
        // Mask the marked mention and every other occurrence of the target's names.
        var masked = text;
        if (mentionStart >= 0 && mentionEnd > mentionStart && mentionEnd <= text.Length)
            masked = string.Concat(text.AsSpan(0, mentionStart), " " + Mask + " ", text.AsSpan(mentionEnd));
        foreach (var name in NamesLongestFirst(target, aliases))
        {
            // Look on after each mask put in: a target named "Target" would find its own mask again, for ever.
            for (int at = StanceTargets.IndexOfWord(masked, name); at >= 0; at = StanceTargets.IndexOfWord(masked, name, at + Mask.Length))
                masked = string.Concat(masked.AsSpan(0, at), Mask, masked.AsSpan(at + name.Length));
        }
        // Lower case once for the whole text, not word by word: a word holds no surrogate pair (its characters are
        // letters, digits, apostrophes and hyphens), so each of its characters lowers alone either way.
        var lower = masked.ToLowerInvariant().Replace('’', '\'');
        var words = Words(masked);
        ReadOnlySpan<char> Word(int i) => words[i].Length < 0 ? Mask : lower.AsSpan(words[i].Start, words[i].Length);
        int maskAt = words.FindIndex(w => w.Length < 0);
        var window = new StringBuilder();
        var negated = new StringBuilder();
        float pos = 0, neg = 0, posNear = 0, negNear = 0, posNegated = 0, negNegated = 0;
        int negScope = 0;
        for (int i = 0; i < words.Count; i++)
        {
            var w = Word(i);
            if (w is "." or "," or ";" or ":" or "but" or "however" or "although") { negScope = 0; continue; }
            bool near = maskAt >= 0 && Math.Abs(i - maskAt) <= WindowWords;
            if (near && i != maskAt) window.Append(w).Append(' ');
            if (PolarityLexicon.IsNegator(w)) { negScope = 4; continue; }
            int p = PolarityLexicon.Polarity(w);
            if (negScope > 0)
            {
                negated.Append("NEG_").Append(w).Append(' ');
                negScope--;
                if (p > 0) posNegated++; else if (p < 0) negNegated++;
                continue;
            }
            if (p > 0) { pos++; if (near) posNear++; }
            else if (p < 0) { neg++; if (near) negNear++; }
        }
        return new StanceRow
        {
            Text = masked,
            Window = maskAt >= 0 ? window.ToString() : "NOTARGET",
            Negated = negated.Length > 0 ? negated.ToString() : "NONEG",
            Cue = string.IsNullOrEmpty(cue) ? "none" : cue.ToLowerInvariant(),
            Polarity = [pos, neg, posNear, negNear, posNegated, negNegated, maskAt >= 0 ? 1 : 0, MathF.Log(1 + words.Count)],
            Label = label,
        };
    }

    // The target's names of more than two characters, longest first (a stable order). Scoring gives no aliases: one name,
    // and no LINQ chain with its sort per row.
    private static IEnumerable<string> NamesLongestFirst(string? target, IEnumerable<string>? aliases) =>
        aliases is null ? (target is { Length: > 2 } ? [target] : [])
        : aliases.Prepend(target ?? "").Where(n => n.Length > 2).OrderByDescending(n => n.Length);

    // The words of the masked text (letters, digits, apostrophes and hyphens, from a letter or digit) and the
    // punctuation . , ; : as words of their own, where they are in the text; the mask is a word of length -1.
    private static List<(int Start, int Length)> Words(string text)
    {
        // Sized for words of about five characters and a space: one array or two, not a doubling from four.
        var words = new List<(int Start, int Length)>(text.Length / 6 + 4);
        int i = 0;
        while (i < text.Length)
        {
            char c = text[i];
            if (char.IsLetterOrDigit(c))
            {
                int s = i;
                while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '\'' or '’' or '-')) i++;
                words.Add((s, text.AsSpan(s, i - s).SequenceEqual(Mask) ? -1 : i - s));
                continue;
            }
            if (c is '.' or ',' or ';' or ':') words.Add((i, 1));
            i++;
        }
        return words;
    }
}
