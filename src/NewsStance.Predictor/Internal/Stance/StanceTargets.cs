using NewsStance.Internal.Mentions;
using NewsStance.Internal.Quotes;

namespace NewsStance.Internal.Stance;

/// <summary>
/// Decides which targets a quote is scored toward: the targets the user gave (when the quote
/// mentions one by name or alias), or else every named entity the quote mentions (OUTPUT.md §4).
/// </summary>
internal static class StanceTargets
{
    public readonly record struct Found(string Target, int MentionStart, int MentionEnd);

    public static IEnumerable<Found> For(string quoteText, IReadOnlyList<StanceTarget>? targets, IReadOnlyList<Mention> mentions, QuoteCandidate q, Entity? speaker)
    {
        if (targets is { Count: > 0 })
        {
            foreach (var t in targets)
            {
                foreach (var name in t.AllNames)
                {
                    int at = IndexOfWord(quoteText, name);
                    if (at < 0) continue;
                    yield return new Found(t.Name, at, at + name.Length);
                    break;
                }
            }
            yield break;
        }
        // No targets given: each named entity mentioned inside the quote, once, resolved to its fullest name.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in MentionsInside(mentions, q))
        {
            if (m.Form != MentionForm.Name) continue;
            // A lone capitalised word opening a sentence, never seen again, is more often a common noun
            // ("Negotiations on …", "Management said …") than an entity worth a stance.
            if (m.IsSentenceInitial && !m.Core.Contains(' ') && (m.Entity?.Mentions.Count ?? 1) < 2 && !Lexicon.Countries.Contains(m.Core)) continue;
            var name = m.Entity?.Name ?? m.Core;
            if (speaker is not null && m.Entity == speaker) continue;
            if (!seen.Add(name)) continue;
            int at = IndexOfWord(quoteText, m.Core);
            yield return new Found(name, at, at < 0 ? -1 : at + m.Core.Length);
        }
    }

    /// <summary>The mentions inside the quote's content, in text order; found by binary search, since mentions are in text order.</summary>
    private static IEnumerable<Mention> MentionsInside(IReadOnlyList<Mention> mentions, QuoteCandidate q)
    {
        foreach (var c in q.Content.OrderBy(c => c.Start))
        {
            int lo = 0, hi = mentions.Count;
            while (lo < hi)
            {
                int mid = (lo + hi) / 2;
                if (mentions[mid].Span.Start < c.Start) lo = mid + 1; else hi = mid;
            }
            for (int k = lo; k < mentions.Count && mentions[k].Span.Start < c.End; k++)
                if (c.Contains(mentions[k].Span)) yield return mentions[k];
        }
    }

    /// <summary>Case-insensitive whole-word search.</summary>
    public static int IndexOfWord(string text, string word)
    {
        if (word.Length == 0) return -1;
        int from = 0;
        while (true)
        {
            int i = text.IndexOf(word, from, StringComparison.OrdinalIgnoreCase);
            if (i < 0) return -1;
            bool left = i == 0 || !char.IsLetterOrDigit(text[i - 1]);
            bool right = i + word.Length >= text.Length || !char.IsLetterOrDigit(text[i + word.Length]);
            if (left && right) return i;
            from = i + 1;
        }
    }
}
