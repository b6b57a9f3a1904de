using NewsStance.Internal.Mentions;
using NewsStance.Internal.Quotes;

namespace NewsStance.Internal.Stance;

/// <summary>
/// Decides which targets a quote is scored toward: the targets the user gave (when the quote
/// mentions one by name or alias), or else every person and organisation the quote names (OUTPUT.md §4):
/// not places (<see cref="PlaceNames"/>), and not the speaker or the organisation in the speaker's own
/// title ("Northwind spokesman …" on Northwind), whose stance toward themselves is not a finding.
/// A user's target that is the speaker's own organisation counts only where the quote uses its name,
/// not an alias ("the company", said by the company's spokesman).
/// </summary>
internal static class StanceTargets
{
    public readonly record struct Found(string Target, int MentionStart, int MentionEnd);

    public static IEnumerable<Found> For(string quoteText, IReadOnlyList<StanceTarget>? targets, EntityResolver entities, QuoteCandidate q, Entity? speaker,
        PlaceNames? places = null)
    {
        var ownTitles = OwnTitles(speaker);
        if (targets is { Count: > 0 })
        {
            foreach (var t in targets)
            {
                bool alias = false;
                foreach (var name in t.AllNames)
                {
                    int at = IndexOfWord(quoteText, name);
                    if (at < 0) { alias = true; continue; }
                    if (alias && t.AllNames.Any(n => ownTitles.Any(title => IndexOfWord(title, n) >= 0))) break;
                    yield return new Found(t.Name, at, at + name.Length);
                    break;
                }
            }
            yield break;
        }
        // No targets given: each named entity mentioned inside the quote, once, resolved to its fullest name.
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var m in MentionsInside(entities.Mentions, q))
        {
            if (m.Form != MentionForm.Name) continue;
            if (IsCommonWord(m, entities)) continue;
            var entity = entities.EntityOf(m);
            var name = entity?.Name ?? m.Core;
            if (speaker is not null && entity == speaker) continue;
            if (places is not null && places.IsPlace(name)) continue;
            if (ownTitles.Any(title => IndexOfWord(title, m.Core) >= 0 || IndexOfWord(title, name) >= 0)) continue;
            if (!seen.Add(name)) continue;
            int at = IndexOfWord(quoteText, m.Core);
            yield return new Found(name, at, at < 0 ? -1 : at + m.Core.Length);
        }
    }

    /// <summary>
    /// A lone capitalised word opening a sentence, never seen again, is more often a common noun
    /// ("Negotiations on …", "Management said …") than an entity worth a stance.
    /// </summary>
    public static bool IsCommonWord(Mention m, EntityResolver entities)
        => m.IsSentenceInitial && !m.Core.Contains(' ') && (entities.EntityOf(m)?.Mentions.Count ?? 1) < 2 && !Lexicon.Countries.Contains(m.Core);

    /// <summary>The titles and roles the speaker is given in the article ("Northwind spokesman").</summary>
    private static List<string> OwnTitles(Entity? speaker)
        => speaker is null ? [] : TitlesOf.GetValue(speaker, ComputeOwnTitles);

    /// <summary>Once per speaker: one speaker can hold thousands of quotes and mentions in a long input, and every quote asks.</summary>
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<Entity, List<string>> TitlesOf = new();

    private static List<string> ComputeOwnTitles(Entity speaker)
    {
        var titles = speaker.Mentions.Select(m => m.Role).Append(speaker.Role).OfType<string>().Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        return titles;
    }

    /// <summary>The mentions inside the quote's content, in text order; found by binary search, since mentions are in text order.</summary>
    private static IEnumerable<Mention> MentionsInside(IReadOnlyList<Mention> mentions, QuoteCandidate q)
    {
        // The pieces are nearly always in text order already: sorted (stably, so equal starts keep their order) only when not.
        var content = q.Content;
        IReadOnlyList<TextSpan> ordered = InTextOrder(content) ? content : [.. content.OrderBy(c => c.Start)];
        for (int p = 0; p < ordered.Count; p++)
        {
            var c = ordered[p];
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

    private static bool InTextOrder(IReadOnlyList<TextSpan> content)
    {
        for (int i = 1; i < content.Count; i++) if (content[i].Start < content[i - 1].Start) return false;
        return true;
    }

    /// <summary>Case-insensitive whole-word search.</summary>
    public static int IndexOfWord(string text, string word) => IndexOfWord(text, word, 0);

    /// <summary>As <see cref="IndexOfWord(string, string)"/>, looking only at or after <paramref name="from"/>.</summary>
    public static int IndexOfWord(string text, string word, int from)
    {
        if (word.Length == 0) return -1;
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
