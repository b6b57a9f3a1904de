using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Mentions;

/// <summary>
/// The noun phrase right before a finite verb of saying is that verb's subject, so a speaker, whatever its head noun:
/// "The NFL legend said …", "The magazine says …", "Protest groups say …"; also with a relative clause or participle phrase
/// between them ("Local groups that have backed the mayor say …"). Only for heads the word lists do not know
/// (those are role, organisation, document and source nouns already), and only before a verb of saying: elsewhere
/// a noun phrase is as often an object or a place.
/// </summary>
internal static class SubjectPhrases
{
    /// <summary>The subject phrase whose head is token <paramref name="i"/>, or null.</summary>
    public static Mention? At(Article a, Sentence s, int i, int end, bool initial, int index, ReportingVerbIndex verbs)
    {
        var tokens = a.Tokens;
        // Most words are no subject of a verb of saying: rule them out before making any string.
        if (!char.IsLower(a.Text[tokens[i].Start])) return null;
        bool verbNext = verbs.Within(i + 1, end, 3), modified = OpensPostModifier(a, i + 1, end) && verbs.Within(i + 2, end, MaxPostModifier);
        if (!verbNext && !modified) return null;
        var head = a.TextOf(tokens[i]);
        if (!IsNounShaped(head) || MentionWords.TimeNouns.Contains(head)
            || !(verbNext && SpeechVerbFollows(a, i + 1, end) || modified && !IsVerbForm(head) && SpeechVerbAfterPostModifier(a, i + 1, end))) return null;
        // Walk back over up to four modifiers to a determiner or a possessive: "the billionaire real estate magnate",
        // "Sanders' campaign staff"; a plural may stand bare ("Protest groups say").
        int start = i, k = i - 1;
        bool determined = false;
        while (k >= s.FirstToken && i - k <= 5)
        {
            var t = tokens[k];
            if (t.Kind != TokenKind.Word && t.Kind != TokenKind.Number) break;
            var w = a.TextOf(t);
            if (Lexicon.Determiners.Contains(w) && !w.Equals("that", StringComparison.OrdinalIgnoreCase)) { start = k; determined = true; break; }
            if (w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal))
            {
                // "people with knowledge of Berg's work said": a possessor after a preposition ends a post-modifier too.
                if (k - 1 >= s.FirstToken && tokens[k - 1].Kind == TokenKind.Word && MentionWords.Prepositions.Contains(a.TextOf(tokens[k - 1]))) return null;
                determined = true;
                break;
            }
            if (Lexicon.ReportingLemma(w) is not null || Lexicon.NotNames.Contains(w) || MentionWords.SubjectVerbFillers.Contains(w)
                || MentionWords.PhraseBreakers.Contains(w) || w.EndsWith("ly", StringComparison.Ordinal)) break;
            start = k;
            k--;
        }
        bool plural = head.EndsWith('s') && !head.EndsWith("ss", StringComparison.Ordinal);
        if (!determined && !plural) return null;
        // Right after a preposition the phrase is the object of a post-modifier ("officials familiar with the plan said"),
        // not the subject.
        int before = start - 1;
        if (before >= s.FirstToken && tokens[before].Kind == TokenKind.Word && MentionWords.Prepositions.Contains(a.TextOf(tokens[before]))) return null;
        // A bare plural mid-sentence must open its clause: after a comma, a conjunction or at the start.
        if (!determined && start > s.FirstToken && tokens[before].Kind == TokenKind.Word && char.IsLower(a.Text[tokens[before].Start])
            && a.TextOf(tokens[before]) is not ("and" or "but" or "while" or "as" or "because" or "since" or "although" or "though" or "when")) return null;
        return new Mention
        {
            Index = index, Span = new TextSpan(tokens[start].Start, tokens[i].End), Form = MentionForm.Anonymous, Kind = SpeakerKind.Unknown,
            Core = a.Text[tokens[start].Start..tokens[i].End], Head = head.ToLowerInvariant(), Plural = plural,
            Sentence = s.Index, FirstToken = start, LastToken = i, IsSentenceInitial = initial,
        };
    }

    /// <summary>The most tokens a post-modifier runs to between its head and the verb of saying.</summary>
    private const int MaxPostModifier = 14;

    /// <summary>
    /// True when token <paramref name="t"/> opens a post-modifier of the noun before it: a relative clause ("groups that
    /// have backed the mayor say", "voters who …", "officials whose …") or an "-ing" participle phrase ("groups representing
    /// the families say").
    /// </summary>
    private static bool OpensPostModifier(Article a, int t, int end)
    {
        if (t >= end || a.Tokens[t].Kind != TokenKind.Word) return false;
        var w = a.Slice(a.Tokens[t]);
        return w is "who" or "that" or "whose" || w.Length >= 5 && w.EndsWith("ing", StringComparison.Ordinal) && char.IsLower(w[0]);
    }

    /// <summary>
    /// True when a finite verb of saying follows the post-modifier opened at <paramref name="opener"/>, within the clause
    /// (words only: a comma or quotation mark ends the search). A participle phrase holds no finite verb, so an auxiliary
    /// in one ("suspensions stemming from the attacks is …") is the verb of a clause, not of the phrase's head.
    /// </summary>
    private static bool SpeechVerbAfterPostModifier(Article a, int opener, int end)
    {
        var tokens = a.Tokens;
        bool participle = a.Slice(tokens[opener]) is not ("who" or "that" or "whose");
        for (int k = opener + 1; k < end && k - opener <= MaxPostModifier && tokens[k].Kind is TokenKind.Word or TokenKind.Number; k++)
        {
            bool filler = MentionWords.SubjectVerbFillers.Contains(a.TextOf(tokens[k]));
            // An infinitive ("to tell him") is no finite verb.
            if ((filler || Lexicon.ReportingLemma(a.Slice(tokens[k])) is not null) && a.Slice(tokens[k - 1]) is not "to" && SpeechVerbFollows(a, k, end)) return true;
            if (participle && filler) return false;
        }
        return false;
    }

    /// <summary>
    /// True for a reporting verb's form that is not as often a noun: "responds that …" is a verb with its clause, "the report
    /// that …" a noun with its relative clause.
    /// </summary>
    private static bool IsVerbForm(string w)
        => Lexicon.ReportingLemma(w) is { } lemma && !(Lexicon.IsNounAmbiguous(lemma) && (w == lemma || w == lemma + "s"));

    /// <summary>A word that may head a noun phrase: letters only, not an adverb in -ly, not a pronoun or a closed-class word.</summary>
    private static bool IsNounShaped(string w)
        => w.Length > 2 && w.All(ch => char.IsLetter(ch) || ch == '-') && !w.EndsWith("ly", StringComparison.Ordinal)
           && !MentionWords.PhraseBreakers.Contains(w) && !MentionWords.SubjectVerbFillers.Contains(w) && !Lexicon.Determiners.Contains(w)
           && !Lexicon.SubjectPronouns.Contains(w) && !Lexicon.NotNames.Contains(w);

    /// <summary>True when a finite verb of saying follows at <paramref name="t"/>, perhaps after auxiliaries and adverbs ("has also said").</summary>
    private static bool SpeechVerbFollows(Article a, int t, int end)
    {
        var tokens = a.Tokens;
        for (int k = t; k < end && k - t < 3 && tokens[k].Kind == TokenKind.Word; k++)
        {
            var w = a.TextOf(tokens[k]);
            if (Lexicon.ReportingLemma(w) is { } lemma)
                // Not a participle ("the man saying", "a biography written by", "wishes posted by"), nor a noun as often as
                // a verb ("the company report").
                return MentionWords.SayingVerbs.Contains(lemma) && char.IsLower(w[0]) && !w.EndsWith("ing", StringComparison.Ordinal)
                    && !(w.EndsWith("en", StringComparison.Ordinal) && !lemma.EndsWith("en", StringComparison.Ordinal))
                    && !(k + 1 < end && a.TextOf(tokens[k + 1]) == "by")
                    && !(Lexicon.IsNounAmbiguous(lemma) && (w == lemma || w == lemma + "s") && lemma != "say");
            if (!MentionWords.SubjectVerbFillers.Contains(w)) return false;
        }
        return false;
    }
}
