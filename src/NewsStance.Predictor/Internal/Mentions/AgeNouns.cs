using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Mentions;

/// <summary>
/// An age standing as a noun for a person already named: "said the 46-year-old", "The 29-year-old says", "a
/// 21-year-old who …". News refers back to people by their age, so the phrase is a role noun for a person. Only when
/// the age ends its phrase: before another noun it is an adjective ("the 43-year-old former mayor"), and the noun
/// after it heads the mention.
/// </summary>
internal static class AgeNouns
{
    /// <summary>The age noun whose head is token <paramref name="i"/> ("46-year-old"), or null.</summary>
    public static Mention? At(Article a, Sentence s, int i, int end, bool initial, int index)
    {
        var tokens = a.Tokens;
        if (tokens[i].Kind != TokenKind.Number || !a.Slice(tokens[i]).EndsWith("-year-old", StringComparison.OrdinalIgnoreCase)) return null;
        if (i + 1 < end && tokens[i + 1].Kind == TokenKind.Word && !EndsPhrase(a.TextOf(tokens[i + 1]))) return null;
        // Back over at most two modifiers ("the American-born 29-year-old") to an article.
        for (int k = i - 1; k >= s.FirstToken && i - k <= 3 && tokens[k].Kind == TokenKind.Word; k--)
        {
            var w = a.TextOf(tokens[k]);
            if (w is "the" or "The" or "a" or "A" or "an" or "An")
                return new Mention
                {
                    Index = index, Span = new TextSpan(tokens[k].Start, tokens[i].End), Form = MentionForm.RoleNoun, Kind = SpeakerKind.Person,
                    Core = a.Text[tokens[k].Start..tokens[i].End], Head = a.TextOf(tokens[i]).ToLowerInvariant(),
                    Sentence = s.Index, FirstToken = k, LastToken = i, IsSentenceInitial = initial,
                };
            if (Lexicon.NotNames.Contains(w) || Lexicon.ReportingLemma(w) is not null || MentionWords.PhraseBreakers.Contains(w)) return null;
        }
        return null;
    }

    /// <summary>True when <paramref name="next"/> cannot continue the noun phrase: a verb, an auxiliary, "who" or a preposition.</summary>
    private static bool EndsPhrase(string next)
        => !char.IsUpper(next[0])
           && (next is "who" or "whose" or "and" or "but" || MentionWords.SubjectVerbFillers.Contains(next) || MentionWords.Prepositions.Contains(next)
               || Lexicon.ReportingLemma(next) is not null);
}
