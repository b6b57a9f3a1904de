using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Mentions;

/// <summary>
/// A share of the people a poll asked, as the subject of a reporting verb: "Six in 10 say", "one out of five said",
/// "About 42% say", "Nearly half said", "a third say", "two-thirds said", "Those surveyed say". A poll reports what a
/// share of its respondents said, so the share is an unnamed source. Only before a reporting verb (or the auxiliaries
/// and adverbs that may stand before one): elsewhere a share is as often an object ("half of the ferries").
/// </summary>
internal static class ShareMentions
{
    /// <summary>The share mention starting at token <paramref name="i"/>, or null.</summary>
    public static Mention? At(Article a, Sentence s, int i, int end, bool initial, int index, ReportingVerbIndex verbs)
    {
        var tokens = a.Tokens;
        // A share is at most eight tokens ("More than about a …", "6 out of 10"), then up to two auxiliaries or adverbs
        // before the verb: with no reporting verb that close, nothing here can match (checked before making any string).
        if (!verbs.Within(i + 1, tokens.Length, 10 + MaxPostModifier)) return null;
        int j = i;
        // Approximators ("About", "More than", "Nearly") and an article ("a third") before the share itself.
        bool article = false;
        while (j < end && j - i < 3 && tokens[j].Kind == TokenKind.Word && MentionWords.ShareApproximatorsBySpan.Contains(a.Slice(tokens[j]))) j++;
        if (j < end && tokens[j].Kind == TokenKind.Word && a.Slice(tokens[j]) is "a" or "A" or "an" or "An") { article = true; j++; }
        int last = ShareEnd(a, j, end, article);
        if (last < 0 || last + 1 >= end || !VerbFollows(a, last + 1) && !PartitiveBeforeVerb(a, last + 1, end)
            && !PrepositionalPhrasesBeforeVerb(a, last + 1, end)) return null;
        return new Mention
        {
            Index = index, Span = new TextSpan(tokens[i].Start, tokens[last].End), Form = MentionForm.Anonymous, Kind = SpeakerKind.Anonymous,
            Core = a.Text[tokens[i].Start..tokens[last].End], Head = a.TextOf(tokens[last]).ToLowerInvariant(), Plural = true,
            Sentence = s.Index, FirstToken = i, LastToken = last, IsSentenceInitial = initial,
        };
    }

    /// <summary>The last token of a share starting at <paramref name="j"/> ("6 in 10", "42%", "half", "Those polled"), or -1.</summary>
    private static int ShareEnd(Article a, int j, int end, bool article)
    {
        if (j >= end) return -1;
        var tokens = a.Tokens;
        bool number = IsNumber(a, j);
        // "6 in 10", "one out of five"
        if (number && j + 2 < end && a.Slice(tokens[j + 1]) is "in" && IsNumber(a, j + 2)) return j + 2;
        if (number && j + 3 < end && a.Slice(tokens[j + 1]) is "out" && a.Slice(tokens[j + 2]) is "of" && IsNumber(a, j + 3)) return j + 3;
        // "42%"
        if (tokens[j].Kind == TokenKind.Number && j + 1 < end && a.Slice(tokens[j + 1]) is "%") return j + 1;
        if (tokens[j].Kind != TokenKind.Word) return -1;
        var w = a.Slice(tokens[j]);
        // "Those surveyed"
        if (w is "Those" or "those" && j + 1 < end && MentionWords.PolledParticiplesBySpan.Contains(a.Slice(tokens[j + 1]))) return j + 1;
        // "half", "a third", "two thirds", "three-quarters", "majorities": a singular fraction needs its article or number.
        int hyphen = w.LastIndexOf('-');
        var fraction = hyphen >= 0 ? w[(hyphen + 1)..] : w;
        if (!MentionWords.ShareWordsBySpan.Contains(fraction)) return -1;
        bool counted = article || hyphen >= 0 || j - 1 >= 0 && IsNumber(a, j - 1);
        return counted || fraction.Equals("half", StringComparison.OrdinalIgnoreCase) || fraction.EndsWith('s') ? j : -1;
    }

    /// <summary>
    /// True when "of" or "among" and a short group of words stand between the share and its verb: "A third of independents
    /// say", "Half of those asked said". The share is the subject and the group its post-modifier.
    /// </summary>
    private static bool PartitiveBeforeVerb(Article a, int t, int end)
    {
        var tokens = a.Tokens;
        if (tokens[t].Kind != TokenKind.Word || a.Slice(tokens[t]) is not ("of" or "among")) return false;
        for (int k = t + 2; k < end && k - t <= 4; k++)
        {
            if (tokens[k - 1].Kind is not (TokenKind.Word or TokenKind.Number)) return false;
            if (VerbFollows(a, k)) return true;
        }
        return false;
    }

    /// <summary>
    /// True when prepositional phrases, perhaps with a participle, stand between the share and its verb: "majorities in all
    /// three towns say", "Majorities of voters in five states going to the polls Tuesday say". Words only, up to
    /// <see cref="MaxPostModifier"/>; no finite verb or relative clause between, whose verb of saying would be its own.
    /// </summary>
    private static bool PrepositionalPhrasesBeforeVerb(Article a, int t, int end)
    {
        var tokens = a.Tokens;
        if (tokens[t].Kind != TokenKind.Word || a.Slice(tokens[t]) is not ("of" or "among" or "in" or "across")) return false;
        for (int k = t + 2; k < end && k - t <= MaxPostModifier; k++)
        {
            if (tokens[k - 1].Kind is not (TokenKind.Word or TokenKind.Number)) return false;
            var w = a.Slice(tokens[k - 1]);
            if (w is "who" or "that" or "which" or "whose" || MentionWords.SubjectVerbFillersBySpan.Contains(w) || Lexicon.ReportingLemma(w) is not null) return false;
            if (VerbFollows(a, k)) return true;
        }
        return false;
    }

    /// <summary>The most tokens prepositional phrases after a share run to before its verb.</summary>
    private const int MaxPostModifier = 12;

    private static bool IsNumber(Article a, int t)
        => a.Tokens[t].Kind == TokenKind.Number || a.Tokens[t].Kind == TokenKind.Word && MentionWords.NumberWordsBySpan.Contains(a.Slice(a.Tokens[t]));

    /// <summary>True when a reporting verb follows at <paramref name="t"/>, perhaps after auxiliaries and adverbs ("have also said").</summary>
    private static bool VerbFollows(Article a, int t)
    {
        var tokens = a.Tokens;
        for (int k = t; k < tokens.Length && k - t < 3 && tokens[k].Kind == TokenKind.Word; k++)
        {
            var w = a.Slice(tokens[k]);
            if (Lexicon.ReportingLemma(w) is not null) return true;
            if (!MentionWords.SubjectVerbFillersBySpan.Contains(w)) return false;
        }
        return false;
    }
}
