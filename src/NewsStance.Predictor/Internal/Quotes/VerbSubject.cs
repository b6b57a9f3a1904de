using NewsStance.Internal.Mentions;
using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Quotes;

/// <summary>
/// The subject of a reporting verb, read back from the verb: the mention right before its auxiliaries, the name
/// or the role of an apposition ("Peskov, the Kremlin spokesman, said"), or the head of a source with a post-modifier
/// ("officials in the capital said"). None when the verb is inverted after a comma ("…, said Anna Berg, an economist.").
/// </summary>
internal sealed class VerbSubject(QuoteContext c)
{
    /// <summary>
    /// The subject mention (or null) of the verb read as <paramref name="cue"/>, and the first token of the whole
    /// subject phrase, apposition included, or -1 when not known (the phrase then starts at the mention).
    /// </summary>
    public (Mention? Subject, int PhraseStart) Find(Sentence s, VerbCue cue)
    {
        int first = s.FirstToken, end = first + s.TokenCount;
        int v = cue.Verb, k = cue.SubjectEnd;
        Mention? subject = k >= first ? c.MentionEndingAt(k) : null;
        int subjectStart = subject?.FirstToken ?? -1; // where the attribution begins, apposition included
        // "…, forcing many to sell, said Anna Berg, an economist.": a verb right after a comma, with a speaker after it
        // that ends the sentence (an apposition aside), is an inverted trailer; the phrase before the comma is content,
        // not an apposition of the subject.
        // Quotative inversion takes a bare verb of saying: not one with an auxiliary ("…, has defended the company"), nor
        // one whose object is its content, nor one that names its addressee there ("…, who …, told Reuters.").
        bool invertedTrailer = subject is null && k >= first && c.IsPunct(k, ',') && cue.AuxStart == v
            && !QuoteWords.AddresseeVerbs.Contains(cue.Lemma) && !QuoteWords.ObjectContentVerbs.Contains(cue.Lemma) && EndsWithSpeaker(cue.CueEnd + 1, end);
        // A name opening the clause, then asides, then the verb with its content: "Cory Vance, 22, of Flint, Mich., said he …".
        if (subject is null && k >= first && c.IsPunct(k, ',') && !invertedTrailer && LeadingName(s, k, cue.CueEnd + 1, end) is { } lead)
            (subject, subjectStart) = (lead, lead.FirstToken);
        // Apposition or relative clause between subject and verb: "Peskov, who …, said".
        if (subject is null && k >= first && c.IsPunct(k, ',') && !invertedTrailer)
            (subject, subjectStart) = SubjectBeforeComma(k, first) ?? (null, -1);
        // An aside between dashes: "The harbour master -- who has clashed with the council -- said", "Anna Berg — a pilot — says".
        if (subject is null && k >= first && c.IsDash(k))
            (subject, subjectStart) = SubjectBeforeDash(k, first) ?? (null, -1);
        // A source with a post-modifier: "a source familiar with the talks said", "officials in the capital said". A subject
        // phrase never ends in a conjunction: "Reid spoke in Reno on Saturday and said" is a second verb of the sentence's
        // subject, and "Reno on Saturday" no post-modified source.
        if (subject is null && k >= first && !invertedTrailer && !IsCoordinator(k))
            subject = SubjectWithPostModifier(k, first) ?? (IsPlainFiniteVerb(cue) ? HeadBeforeClausePostModifier(k, s) : null);
        // A mention after a preposition is the end of a post-modifier, not the subject: "officials in the city said",
        // "people close to the mayor say" (the head before the post-modifier must still be found).
        else if (subject is not null && subject.FirstToken - 1 >= first && c.Tokens[subject.FirstToken - 1].Kind == TokenKind.Word
                 && char.IsLower(c.First(subject.FirstToken - 1))
                 && (QuoteWords.SourcePostModifierStarts.Contains(c.Word(subject.FirstToken - 1)) || MentionWords.Prepositions.Contains(c.Word(subject.FirstToken - 1)))
                 && SubjectWithPostModifier(k, first) is { } head)
        {
            subject = head;
            subjectStart = head.FirstToken;
        }
        // "Officials who spoke with the Marlow Post said", "A letter obtained by the Post warns": a mention at the end of a
        // relative clause or of a participle phrase with "by" is inside the subject's post-modifier; the head before it speaks.
        if (subject is not null && subject.Form != MentionForm.Pronoun && HeadBeforeModifyingClause(subject.FirstToken - 1, first) is { } outerHead)
            (subject, subjectStart) = (outerHead, outerHead.FirstToken);
        // A mention that ends a relative clause or participle phrase is its object, not the subject: "people who know the
        // mayor say", "lawyers representing the families said".
        // ("a charge that party leaders denied": a mention opened by "that" is the relative clause's own subject.)
        if (subject is not null && subject.LastToken == k && subject.Form != MentionForm.Pronoun && !OpensClause(subject.FirstToken, s)
            && c.Slice(subject.FirstToken) is not ("that" or "which")
            && IsPlainFiniteVerb(cue) && HeadBeforeClausePostModifier(k, s) is { } modified)
        {
            subject = modified;
            subjectStart = modified.FirstToken;
        }
        // "the operator's director, …", "Velna Transit's spokesman": the possessor opens the subject phrase.
        if (subject is not null && PossessorBefore(subjectStart >= first ? Math.Min(subjectStart, subject.FirstToken) : subject.FirstToken, first) is int possessor)
            subjectStart = possessor;
        return (subject, subjectStart);
    }

    /// <summary>
    /// The subject a verb after "and" or "but" at <paramref name="k"/> shares with the verb before it: the mention that opens
    /// the clause holding both ("Reid spoke in Reno on Saturday and said …", "…, such as when Cruz met Rubio and called him
    /// …", "There, the chairman declined to name them but said …"), or null. The clause opens after the last comma,
    /// semicolon, dash or subordinating conjunction before the conjunction, else at the sentence's main clause.
    /// </summary>
    public Mention? OfCoordinatedVerb(Sentence s, int k)
    {
        int first = s.FirstToken;
        int clause = c.MainClauseStart(s) < k ? c.MainClauseStart(s) : first;
        for (int t = k - 1; t > clause && k - t < 40; t--)
        {
            if (c.InQuote(t)) continue;
            if (c.IsPunct(t, ',') || c.IsPunct(t, ';') || c.IsDash(t)
                || c.Tokens[t].Kind == TokenKind.Word && char.IsLower(c.First(t)) && QuoteWords.Subordinators.Contains(c.Word(t)))
            {
                clause = t + 1;
                break;
            }
        }
        return c.MentionStartingAt(clause) is { } m && m.LastToken < k && !c.InQuote(clause) ? m : null;
    }

    /// <summary>
    /// The name that opens the clause and is followed by a comma, when only asides stand between it and the comma at
    /// <paramref name="comma"/> before the verb, and the verb's content follows at <paramref name="afterCue"/>: the asides
    /// ("22, of Flint, Mich.", "speaking at a rally in Wilmington, N.C.", "the editor of the city's paper, La Voce") describe
    /// that name, and the places and names inside them do not speak. Null otherwise; also when nothing follows the verb,
    /// where the commas may close content before a trailing attribution ("The plant will close, the lawyer, Anna Berg, said.").
    /// </summary>
    private Mention? LeadingName(Sentence s, int comma, int afterCue, int end)
    {
        int first = s.FirstToken;
        int clause = c.MainClauseStart(s) < comma ? c.MainClauseStart(s) : first;
        if (afterCue >= end || c.Tokens[afterCue].Kind != TokenKind.Word || c.InQuote(afterCue)) return null;
        if (c.MentionStartingAt(clause) is not { Form: MentionForm.Name } name || name.LastToken + 1 >= comma
            || !c.IsPunct(name.LastToken + 1, ',') || comma - name.LastToken > 40) return null;
        for (int t = name.LastToken + 1; t < comma; t++)
            if (c.InQuote(t) || c.Tokens[t].Kind == TokenKind.QuoteMark) return null;
        return name;
    }

    /// <summary>True when token <paramref name="k"/> is a coordinating conjunction ("and", "but", "or").</summary>
    private bool IsCoordinator(int k) => c.Tokens[k].Kind == TokenKind.Word && c.Slice(k) is "and" or "but" or "or";

    /// <summary>
    /// The first token of the possessor right before <paramref name="start"/> ("Velna Transit's", "the operator's",
    /// "Sanders' "), or null when none stands there.
    /// </summary>
    private int? PossessorBefore(int start, int first)
    {
        int k = start - 1;
        if (k < first || c.InQuote(k)) return null;
        var w = c.Word(k);
        bool apostrophe = c.Tokens[k].Kind == TokenKind.Punctuation && w is "'" or "’";
        if (!apostrophe && !(c.Tokens[k].Kind == TokenKind.Word && Lexicon.EndsWithPossessive(w)))
            return null;
        int end = apostrophe ? k - 1 : k;
        if (end < first) return null;
        if (c.MentionEndingAt(end) is { } owner) return owner.FirstToken;
        // A common noun possessor: "the operator's" — back over its modifiers to the determiner.
        int t = end;
        while (t - 1 >= first && end - t < 4 && c.Tokens[t - 1].Kind == TokenKind.Word && !c.InQuote(t - 1) && !c.IsPunct(t - 1, ','))
        {
            t--;
            if (Lexicon.Determiners.Contains(c.Word(t))) return t;
        }
        return end;
    }

    /// <summary>
    /// True when a speaker mention starts at <paramref name="i"/> and closes the sentence, or is followed only by an
    /// apposition or relative clause ("said Anna Berg, a farm economist", "said Tom Hale, who …").
    /// </summary>
    private bool EndsWithSpeaker(int i, int end)
    {
        if (i >= end || c.InQuote(i) || c.MentionStartingAt(i) is not { } m || m.Form == MentionForm.Pronoun || QuoteContext.IsDayOrTime(c.Word(i))
            || c.Slice(i) is "that" or "this" or "these" or "those") return false;
        int n = m.LastToken + 1;
        if (n >= end || c.IsPunct(n, '.') || c.IsPunct(n, '!') || c.IsPunct(n, '?')) return true;
        if (!c.IsPunct(n, ',') || n + 1 >= end || c.InQuote(n + 1)) return false;
        var next = c.Word(n + 1);
        return next is "a" or "an" or "the" or "who" || c.MentionStartingAt(n + 1) is not null || Lexicon.PersonRoles.Contains(next);
    }

    /// <summary>
    /// The head of a subject with a post-modifier ending at <paramref name="k"/>: "a source familiar with the talks",
    /// "officials in the capital". Walks back over the post-modifier to a mention followed by a word that opens one.
    /// </summary>
    private Mention? SubjectWithPostModifier(int k, int first)
    {
        for (int j = k; j >= first && k - j < 8; j--)
        {
            // A possessive's apostrophe stays inside the post-modifier ("people with knowledge of Gates' work").
            if (c.InQuote(j) || c.Tokens[j].Kind != TokenKind.Word && !c.IsPunct(j, '\'') && !c.IsPunct(j, '’')
                || Lexicon.ReportingLemma(c.Slice(j)) is not null) return null;
            var m = c.MentionEndingAt(j);
            if (m is null || j == k) continue;
            if (m.Form == MentionForm.Pronoun) return null;
            // A name inside the post-modifier ("experts on North Korea and …") is passed over on the way back to its head.
            if (QuoteWords.SourcePostModifierStarts.Contains(c.Word(j + 1))) return m;
        }
        return null;
    }

    /// <summary>
    /// The noun a relative clause or a participle phrase with "by" modifies, when the subject mention that ends at the verb
    /// lies inside it: "Officials [who met Ruiz in Marlow] said", "Many of the drivers [who had worked for Anna Berg] said",
    /// "A letter from the board [obtained by the Post] warns". Walks back from <paramref name="t"/> within the clause (no
    /// comma, dash or quotation) to "who", "which", "whose" or "that" right after a mention, or to a past participle before
    /// "by" right after one; that mention, or the head of its own post-modifier ("a letter from the board"), is the subject.
    /// Null when there is none within 30 tokens.
    /// </summary>
    private Mention? HeadBeforeModifyingClause(int t, int first)
    {
        for (int j = t; j > first && t - j < 30; j--)
        {
            if (c.InQuote(j) || c.Tokens[j].Kind == TokenKind.Punctuation && !c.IsPunct(j, '\'') && !c.IsPunct(j, '’')) return null;
            if (c.Tokens[j].Kind != TokenKind.Word || !char.IsLower(c.First(j))) continue;
            var w = c.Word(j);
            bool opensRelative = w is "who" or "which" or "whose" or "that" || w.StartsWith("who'", StringComparison.Ordinal) || w.StartsWith("who’", StringComparison.Ordinal);
            bool participleBy = j + 1 <= t && c.Slice(j + 1) is "by" && w.Length > 4 && (w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("en", StringComparison.Ordinal));
            // "an article that Carson said was written": a mention right after the relative word is the relative clause's own subject.
            if (!opensRelative && !participleBy || opensRelative && j == t) continue;
            if (c.MentionEndingAt(j - 1) is not { } head || head.Form == MentionForm.Pronoun) return null;
            // "Ruiz told the union that officials said …": after a verb of saying, "that" opens its content, not a relative clause.
            for (int v = head.FirstToken - 1; v >= first && head.FirstToken - v <= 40; v--)
                if (c.Tokens[v].Kind == TokenKind.Word && !c.InName(v) && Lexicon.ReportingLemma(c.Slice(v)) is not null) return null;
            // "a letter from the harbour board obtained by …": the head of the noun's own post-modifier.
            bool afterPreposition = head.FirstToken - 1 >= first && c.Tokens[head.FirstToken - 1].Kind == TokenKind.Word && char.IsLower(c.First(head.FirstToken - 1))
                && (QuoteWords.SourcePostModifierStarts.Contains(c.Word(head.FirstToken - 1)) || MentionWords.Prepositions.Contains(c.Word(head.FirstToken - 1)));
            return afterPreposition && SubjectWithPostModifier(j - 1, first) is { } outer ? outer : head;
        }
        return null;
    }

    /// <summary>
    /// The head of a subject whose post-modifier, ending at <paramref name="k"/>, is a relative clause ("the officials whose
    /// laws were struck down say", "residents who live near the port say") or a participle phrase ("a report published
    /// Tuesday said", "lawyers representing the families said"), perhaps after a prepositional phrase ("friends of the mayor
    /// who have seen her say"). The head must open its clause, as a subject does: after a verb or a preposition it is an
    /// object ("officials warned voters who …"). Null when none is found within the clause.
    /// </summary>
    private Mention? HeadBeforeClausePostModifier(int k, Sentence s)
    {
        int first = s.FirstToken;
        bool finite = false; // a participle phrase holds no finite verb: once one is passed, only a relative pronoun opens the post-modifier
        for (int j = k; j > first && k - j < 16; j--)
        {
            if (c.InQuote(j) || c.Tokens[j].Kind is not (TokenKind.Word or TokenKind.Number) && !c.IsPunct(j, '\'') && !c.IsPunct(j, '’'))
                return null;
            var w = c.Word(j);
            finite |= QuoteWords.FiniteAuxiliaries.Contains(w);
            if (!char.IsLower(w[0]) || !OpensClausePostModifier(j) || finite && w is not ("who" or "whose" or "that" or "which")) continue;
            // "that" with no noun before it is a conjunction: the clause it opens is the object of a verb ("showed that …").
            // A possessor is followed by its own noun ("Berg's funding of …"), not by a participle phrase.
            if (c.MentionEndingAt(j - 1) is not { } m || m.Form == MentionForm.Pronoun || c.InQuote(m.FirstToken)
                || Lexicon.EndsWithPossessive(c.Word(j - 1)) && Lexicon.IsParticipleForm(w))
            {
                if (w is "that" or "which") return null;
                continue;
            }
            // "friends of the mayor who …": the clause describes the phrase the preposition ends, whose head comes first.
            var head = m.FirstToken - 1 >= first && MentionWords.Prepositions.Contains(c.Word(m.FirstToken - 1))
                ? SubjectWithPostModifier(m.LastToken, first) ?? m : m;
            return OpensClause(head.FirstToken, s) ? head : null;
        }
        return null;
    }

    /// <summary>
    /// True when token <paramref name="j"/> opens a relative clause ("who", "whose", "that", "which") or a participle phrase
    /// after a noun: an "-ing" participle ("representing"), or an "-ed" one that takes no object, as a passive participle
    /// does not ("published Tuesday", "filed in court"; "cited a poll" is a finite verb with its object).
    /// </summary>
    private bool OpensClausePostModifier(int j)
    {
        var w = c.Word(j);
        if (w is "who" or "whose" or "that" or "which") return true;
        if (!Lexicon.IsParticipleForm(w) || j + 1 >= c.Tokens.Length || c.InQuote(j + 1)) return false;
        if (w.EndsWith("ing", StringComparison.Ordinal)) return true;
        return c.Tokens[j + 1].Kind == TokenKind.Word && QuoteWords.ParticipleAdverbialStarts.Contains(c.Word(j + 1));
    }

    /// <summary>
    /// True when the cue is a finite verb form that is no noun as often: not a participle, not "reports", "hints" or
    /// "welcome" (base and -s forms of verbs as often nouns), which after a long noun phrase are nouns of that phrase.
    /// </summary>
    private bool IsPlainFiniteVerb(VerbCue cue)
    {
        var w = c.Word(cue.Verb);
        return !cue.Participle && !w.EndsWith("ing", StringComparison.Ordinal)
               && !(Lexicon.IsNounAmbiguous(cue.Lemma) && (w == cue.Lemma || w == cue.Lemma + "s") && cue.Lemma != "say");
    }

    /// <summary>
    /// True when a phrase starting at <paramref name="start"/> opens a clause, as a subject does: at the sentence start or
    /// its main clause, or after punctuation, a quotation mark, a conjunction or "that".
    /// </summary>
    private bool OpensClause(int start, Sentence s)
    {
        int before = start - 1;
        if (before < s.FirstToken || start == c.MainClauseStart(s)) return true;
        var w = c.Word(before);
        // A comma after a capitalised word may join a place to its region ("Jupiter, Florida") or a name to its apposition.
        if (c.IsPunct(before, ',')) return before - 1 <= s.FirstToken || c.Tokens[before - 1].Kind != TokenKind.Word || char.IsLower(c.First(before - 1));
        if (c.Tokens[before].Kind is TokenKind.Punctuation or TokenKind.QuoteMark) return true;
        // After a conjunction, a relative or interrogative word ("the plan that the mayor said", "what Berg told"), a subject;
        // the conjunction may open the sentence ("But groups that …").
        if (c.Tokens[before].Kind != TokenKind.Word || !char.IsLower(w[0]) && before != s.FirstToken) return false;
        w = w.ToLowerInvariant();
        return w is "and" or "but" or "or" or "that" or "while" or "as" or "yet" or "what" or "how" or "why" or "where" or "whether"
                   or "who" or "whom" or "which" || QuoteWords.Subordinators.Contains(w);
    }

    /// <summary>
    /// The subject of "X — aside — said": the mention before the dash that opens the aside (or, with none, the aside's own
    /// name), and the first token of the whole phrase.
    /// </summary>
    private (Mention? Subject, int PhraseStart)? SubjectBeforeDash(int dash, int first)
    {
        for (int k = dash - 1; k >= first && dash - k < 40; k--)
        {
            if (c.InQuote(k)) return null;
            if (!c.IsDash(k)) continue;
            var outer = k - 1 >= first ? c.MentionEndingAt(k - 1) : null;
            if (outer is not null && outer.Form != MentionForm.Pronoun) return (outer, outer.FirstToken);
            return c.MentionStartingAt(k + 1) is { Form: MentionForm.Name } inner ? (inner, k + 1) : null;
        }
        return null;
    }

    /// <summary>
    /// The subject of "X, apposition or relative clause, said" and the first token of the whole subject phrase
    /// (X's first token, or the apposition's when X is not a mention).
    /// </summary>
    private (Mention? Subject, int PhraseStart)? SubjectBeforeComma(int comma, int first)
    {
        (Mention? Subject, int PhraseStart)? relativeReading = null;
        // Walk back to the comma that opens the apposition or relative clause, within 40 tokens.
        for (int k = comma - 1; k >= first && comma - k < 40; k--)
        {
            if (c.InQuote(k)) return relativeReading;
            if (!c.IsPunct(k, ',')) continue;
            var outer = k - 1 >= first ? c.MentionEndingAt(SkipParenthesis(k - 1, first)) : null;
            // "A company spokesman, Pieter de Vries, said" / "Dmitry Peskov, the Kremlin spokesman, said": the name wins.
            var inner = c.MentionStartingAt(k + 1) is { } st && st.LastToken == comma - 1 ? st : c.MentionEndingAt(comma - 1);
            int phraseStart = outer?.FirstToken ?? k + 1;
            // "The port director, who met Anna Berg, said": a relative clause describes the subject and names no speaker; the
            // subject is the noun before it, and past an age or a title ("Walter Benning, 58, who lives in Marlow, says") the
            // walk goes on to the comma before that. With no mention there at all, the clause's own is the reading left, so
            // the quote is not lost (the speaker ranker weighs it).
            if (k + 1 < comma && c.Tokens[k + 1].Kind == TokenKind.Word && c.Slice(k + 1) is "who" or "whose" or "whom" or "which")
            {
                if (outer is not null && outer.Form != MentionForm.Pronoun) return (outer, phraseStart);
                relativeReading ??= (inner, phraseStart);
                comma = k;
                continue;
            }
            if (inner is { Form: MentionForm.Name } && outer is not { Form: MentionForm.Name }) return (inner, phraseStart);
            if (outer is not null && outer.Form != MentionForm.Pronoun) return (outer, phraseStart);
            return (inner, phraseStart);
        }
        return relativeReading;
    }

    /// <summary>"Sen. Claire McCaskill (D-Mo.), who …": the token before a closing parenthesis's opening one, else <paramref name="k"/>.</summary>
    private int SkipParenthesis(int k, int first)
    {
        if (!c.IsPunct(k, ')')) return k;
        for (int t = k - 1; t > first && k - t < 8; t--)
            if (c.IsPunct(t, '(')) return t - 1;
        return k;
    }
}
