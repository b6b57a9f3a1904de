using System.Collections.Frozen;
using NewsStance.Internal.Mentions;
using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Quotes;

/// <summary>
/// Reported speech carried by a noun of saying: "Smith's claim that the vote was rigged", "his promise to cut taxes",
/// "a pledge by the mayor to repave the streets", "Park's claim is that …". The noun is the cue; its possessor (or the
/// "by" phrase after it) names the speaker; a "that" clause, or after a noun of promising or demanding a "to"
/// infinitive ("his claim to be …" too), is the content. Without a speaker or a clause ("the promise of spring", "a
/// claim for damages") the noun reports nothing.
/// </summary>
internal sealed class SpeechNounFrame(QuoteContext c, QuoteClassifier classifier)
{
    private static readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> Nouns
        = QuoteWords.StatementNouns.Union(QuoteWords.CommitmentNouns).ToFrozenSet(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>The most modifiers between a possessor and its noun ("Trump's most explosive claim").</summary>
    private const int MaxModifiers = 2;

    /// <summary>The fewest words of content: "to cut taxes"; "a call to arms" says nothing.</summary>
    private const int MinContentWords = 3;

    /// <summary>True when the word at <paramref name="i"/> is a noun of saying in lower case (asked of every word: no copy).</summary>
    public bool IsCue(int i) => char.IsLower(c.First(i)) && Nouns.Contains(c.Article.Slice(c.Tokens[i]));

    /// <summary>
    /// True when the noun of saying at token <paramref name="i"/> has a possessor and a relative clause after it ("Park's
    /// claim that was filed …"): a noun, then, not a verb whose "that" opens its content.
    /// </summary>
    public bool HasRelativeClause(Sentence s, int i)
        => i + 1 < s.FirstToken + s.TokenCount && c.Word(i + 1) == "that" && !OpensClause(i + 2) && Possessor(s.FirstToken, i) is not null;

    /// <summary>The quote the noun of saying at token <paramref name="i"/> of sentence <paramref name="s"/> carries, or null.</summary>
    public QuoteCandidate? Find(Sentence s, int i)
    {
        int first = s.FirstToken, end = first + s.TokenCount;
        var noun = c.Word(i).ToLowerInvariant();
        int k = i + 1;
        Mention? speaker;
        int phrase; // where the noun phrase starts
        if (Possessor(first, i) is { } owner)
        {
            speaker = owner.Speaker;
            phrase = owner.Start;
            // "said in her opening remarks that …", "stressed in his statement that …": the noun is where a verb's words were
            // said, and the clause after it is that verb's content.
            if (phrase > first && c.Word(phrase - 1) == "in") return null;
            // "Park's argument is that …": the possessor's statement is the clause after the copula.
            if (k + 1 < end && c.Word(k) is "is" or "was" && c.Word(k + 1) == "that") k++;
        }
        else if (ByPhrase(i, end) is { } by)
        {
            speaker = by.Speaker;
            k = by.Next;
            phrase = i > first && Lexicon.Determiners.Contains(c.Word(i - 1)) ? i - 1 : i;
        }
        else return null;
        // A noun phrase that opens its clause is its subject: the clause's verb follows the content.
        bool subjectPhrase = phrase == first || phrase == c.MainClauseStart(s);
        if (k + 1 >= end || c.InQuote(k) || c.InQuote(k + 1)) return null;
        int from;
        bool infinitive = false;
        if (c.Word(k) == "that" && QuoteWords.StatementNouns.Contains(noun) && OpensClause(k + 1))
        {
            from = k + 1;
            if (c.IsPunct(from, ',') && from + 1 < end) from++; // "his claim that, "…""
        }
        else if (c.Word(k) == "to" && QuoteWords.CommitmentNouns.Contains(noun) && OpensInfinitive(k + 1))
        {
            from = k;
            infinitive = true;
        }
        else return null;
        int stop = ContentEnd(from, end, infinitive && subjectPhrase);
        if (stop < from) return null;
        var content = c.Trim(new TextSpan(c.Tokens[from].Start, c.Tokens[stop].End));
        if (content.Length == 0 || c.TokenCount(content) < MinContentWords) return null;
        var cue = new TextSpan(c.Tokens[i].Start, c.Tokens[i].End);
        return classifier.Classify(new ReportingFrame(s, [content], cue, noun, speaker, FramePattern.SubjectCueContent));
    }

    /// <summary>
    /// The possessor of the noun at <paramref name="noun"/>, past at most two lower-case modifiers ("Trump's repeated
    /// claim"): a possessive pronoun ("his") or a name or noun phrase ending in a possessive ("Smith's", "Sanders'"),
    /// with its mention. Null when no possessor stands there or no mention ends at it.
    /// </summary>
    private (Mention Speaker, int Start)? Possessor(int first, int noun)
    {
        for (int j = noun - 1; j >= first && noun - 1 - j <= MaxModifiers; j--)
        {
            if (c.InQuote(j) || c.Tokens[j].Kind != TokenKind.Word) return null;
            // "his promise to …": the mention finder made the possessive pronoun a mention only before a noun of saying.
            var w = c.Word(j);
            if (w.ToLowerInvariant() is "his" or "her" or "their" or "its") return c.MentionStartingAt(j) is { Form: MentionForm.Pronoun } pronoun ? (pronoun, j) : null;
            if (IsPossessive(w)) return c.MentionEndingAt(j) is { } m ? (m, m.FirstToken) : null;
            // A modifier is a lower-case word that opens no phrase of its own ("his", "the", "a", "of" end the search).
            if (!char.IsLower(w[0]) || Lexicon.Determiners.Contains(w) || MentionWords.Prepositions.Contains(w)
                || QuoteWords.FiniteAuxiliaries.Contains(w) || QuoteWords.ModalAuxiliaries.Contains(w)) return null;
        }
        return null;
    }

    /// <summary>"Smith's", "Sanders'", "the union’s": a word that ends in a possessive.</summary>
    private static bool IsPossessive(string w)
        => Lexicon.EndsWithPossessive(w) || w.Length > 2 && (w[^1] is '\'' or '’') && w[^2] is 's' or 'S';

    /// <summary>
    /// "a pledge by Mayor Obi to …", "a demand, by Nancy Pelosi, that …": the speaker a "by" phrase right after the noun
    /// names, and the token after it (past a closing comma).
    /// </summary>
    private (Mention Speaker, int Next)? ByPhrase(int noun, int end)
    {
        int k = noun + 1;
        if (k < end && c.IsPunct(k, ',')) k++;
        if (k + 1 >= end || c.Word(k) != "by" || c.InQuote(k)) return null;
        if (c.SpeakerStartingAt(k + 1) is not { } m) return null;
        int next = m.LastToken + 1;
        if (next < end && c.IsPunct(next, ',')) next++;
        return (m, next);
    }

    /// <summary>
    /// True when a clause (not a relative clause's verb) starts at <paramref name="i"/>: "claim that was filed" and
    /// "claim that originated in …" make "that" a relative pronoun.
    /// </summary>
    private bool OpensClause(int i)
    {
        if (i >= c.Tokens.Length) return false;
        if (c.Tokens[i].Kind != TokenKind.Word) return true;
        var w = c.Word(i);
        return !(QuoteWords.FiniteAuxiliaries.Contains(w) || QuoteWords.ModalAuxiliaries.Contains(w)
                 || char.IsLower(w[0]) && w.Length > 3 && w.EndsWith("ed", StringComparison.Ordinal) || w is "'s" or "’s");
    }

    /// <summary>
    /// True when the word at <paramref name="i"/> can be an infinitive's verb: a lower-case word outside quotation marks
    /// that opens no noun phrase ("to the press", "to voters in Ohio", "to them" name an addressee).
    /// </summary>
    private bool OpensInfinitive(int i)
    {
        if (i >= c.Tokens.Length || c.InQuote(i) || c.Tokens[i].Kind != TokenKind.Word) return false;
        var w = c.Word(i);
        return char.IsLower(w[0]) && !Lexicon.Determiners.Contains(w) && !QuoteWords.ObjectPronouns.Contains(w);
    }

    /// <summary>
    /// The last token of the content from <paramref name="from"/>: the clause runs to the sentence's end, to the first
    /// comma, semicolon, colon, dash or bracket outside quotation marks, or to a quotation that closes on a comma. After an infinitive in a noun phrase that is its
    /// clause's subject (<paramref name="beforeMainVerb"/>), a finite auxiliary outside a relative clause is the clause's
    /// verb ("Her promise to rebuild the bridge has drawn applause"), and ends the content.
    /// </summary>
    private int ContentEnd(int from, int end, bool beforeMainVerb)
    {
        bool relative = false;
        for (int t = from; t < end; t++)
        {
            // A quotation closing on its comma ("… “founded the gang,” saying …") ends the clause too.
            if (c.RegionAt(t) is { } quotation)
            {
                if (c.Tokens[t].End == quotation.Outer.End && c.Text[c.Tokens[t].Start - 1] == ',') return t;
                continue;
            }
            if (c.Tokens[t].Kind == TokenKind.Punctuation)
            {
                if (c.IsPunct(t, ',') || c.IsPunct(t, ';') || c.IsPunct(t, ':') || c.IsPunct(t, '(') || c.IsPunct(t, ')') || c.IsDash(t)) return t - 1;
                continue;
            }
            if (!beforeMainVerb || c.Tokens[t].Kind != TokenKind.Word) continue;
            var w = c.Word(t);
            if (w is "that" or "which" or "who") relative = true;
            else if (!relative && (QuoteWords.FiniteAuxiliaries.Contains(w) || QuoteWords.ModalAuxiliaries.Contains(w))) return t - 1;
        }
        return end - 1;
    }
}
