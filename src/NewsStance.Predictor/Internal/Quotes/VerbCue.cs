using NewsStance.Internal.Mentions;
using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Quotes;

/// <summary>
/// A reporting verb read as a cue: its lemma, the cue's tokens (with a particle, "called for"; with a
/// perfect or future auxiliary, "has said"), whether it is a participle ("adding"), and the last token
/// before it that is not an auxiliary, an adverb, a short parenthetical or a time: where its subject ends.
/// </summary>
/// <param name="Verb">The verb's token.</param>
/// <param name="Lemma">The verb's lemma ("say" for "said").</param>
/// <param name="CueEnd">The cue's last token: the verb, or its particle.</param>
/// <param name="Cue">The cue's text: the verb, its particle, and a perfect or future auxiliary before it.</param>
/// <param name="Participle">True for an "-ing" form that is not progressive ("adding", not "is adding").</param>
/// <param name="AuxStart">The first auxiliary or adverb before the verb, or the verb when there is none.</param>
/// <param name="SubjectEnd">Where the subject ends: the token before the auxiliaries, adverbs and asides.</param>
internal sealed record VerbCue(int Verb, string Lemma, int CueEnd, TextSpan Cue, bool Participle, int AuxStart, int SubjectEnd)
{
    /// <summary>The cue of the reporting verb at token <paramref name="v"/> of sentence <paramref name="s"/>, or null when it is none.</summary>
    public static VerbCue? Read(QuoteContext c, Sentence s, int v)
    {
        int first = s.FirstToken, end = first + s.TokenCount;
        // Asked of every word outside quotations, most of them no verb: looked up in place, made a string only when one.
        var span = c.Article.Slice(c.Tokens[v]);
        var lemma = Lexicon.ReportingLemma(span);
        bool trailerOnly = false;
        if (lemma is null && Lexicon.TrailerOnlyLemma(span) is { } trailing) (lemma, trailerOnly) = (trailing, true);
        if (lemma is null || c.InName(v)) return null;
        var w = c.Word(v);
        // "…," he continued. / "…," continued Ruiz.: such a verb cues only a trailing attribution, closing its clause or
        // inverted right after the quotation.
        if (trailerOnly && !(v + 1 >= end || c.Tokens[v + 1].Kind is TokenKind.Punctuation or TokenKind.QuoteMark
                || v > first && c.Tokens[v - 1].Kind == TokenKind.QuoteMark
                || v - 1 > first && c.IsPunct(v - 1, ',') && c.Tokens[v - 2].Kind == TokenKind.QuoteMark))
            return null;
        // "In a Facebook message posted Friday, Cruz said …": a participle after a noun inside a prepositional opening
        // phrase modifies that noun; it is no cue of the main clause. (In a fronted clause, "When Cruz posted …,", the
        // verb is finite; after a name, "Beijing responded …", it has a subject.)
        if (v > first && v < c.MainClauseStart(s) && InPrepositionalPhrase(c, first) && c.MentionEndingAt(v - 1) is not { Form: MentionForm.Name or MentionForm.Pronoun }
            && (w.EndsWith("ed", StringComparison.Ordinal) || w.EndsWith("ing", StringComparison.Ordinal)))
            return null;
        // A capitalised verb inside a body sentence is a name or a title word ("the United States"); headlines may capitalise cues.
        if (char.IsUpper(w[0]) && v > first && !c.Article.Paragraphs[s.Paragraph].IsTitle && !c.IsHeadlineCase(s)) return null;
        // "continued to insist", "went on to criticise", "was quick to add": a catenative verb or adjective before the
        // infinitive leaves the speech act standing; it opens the cue, and its subject speaks.
        int lead = v > first && c.Slice(v - 1) is "to" ? CatenativeBefore(c, v - 1, first) ?? v : v;
        // "the said agreement", passives ("was told"), infinitives after modals are not speech frames here.
        if (lead == v && v > first)
        {
            var prev = c.Word(v - 1).ToLowerInvariant();
            // A form of "be" before an "-ing" form makes it progressive ("was saying"), before any other a passive.
            if (prev is "the" or "a" or "an" or "was" or "were" or "been" or "being" or "be" or "is" or "are" or "to" && !(prev is "is" or "are" or "was" or "were" && c.Word(v).EndsWith("ing")))
                return null;
        }
        int cueEnd = v;
        bool complement = false; // "calls it a disgrace": an object and its complement follow, so "calls" is a verb
        if (Lexicon.NeedsParticle(lemma))
        {
            if (v + 1 >= end) return null;
            var particle = c.Word(v + 1).ToLowerInvariant();
            // "called for", "pointed out"; or "called the offer "too little, too late"" with a quoted fragment.
            if (particle is "out" or "for" or "on") cueEnd = v + 1;
            else if (lemma == "call" && (QuoteWithin(c, v + 1, end, 6) || QuotedComplementAfterObject(c, v + 1, end) || NamesItsObject(c, v + 1, end) || NameComplement(c, s, v + 1, end))) complement = true;
            else return null;
        }
        var cue = new TextSpan(c.Tokens[lead].Start, c.Tokens[cueEnd].End);
        // Words that are nouns as often as verbs ("the state", "his comments", "a note") cue speech only before "that", ":" or a quotation.
        // After a name's possessive the noun is a cue when its complement follows: "Ortiz's call for a harbour master",
        // "Lee's call to cut fares": the possessor is who called for it.
        bool possessed = v > first && IsNamePossessive(c, v - 1) && (cueEnd > v || InfinitiveAt(c, cueEnd + 1, end));
        // After a subject pronoun ("he claims his net worth …", "She also promises …") or an adverb after a name ("Lee also
        // claims …") the form can only be a verb.
        bool verbAfterSubject = VerbAfterSubject(c, lead, first);
        if (!complement && !possessed && !verbAfterSubject && Lexicon.IsNounAmbiguous(lemma) && (c.Word(v).Equals(lemma, StringComparison.OrdinalIgnoreCase) || c.Word(v).Equals(lemma + "s", StringComparison.OrdinalIgnoreCase))
            && !(cueEnd + 1 < end && (c.Slice(cueEnd + 1) is "that" || c.IsPunct(cueEnd + 1, ':') || c.InQuote(cueEnd + 1)))
            && !(QuoteWords.CommissiveVerbs.Contains(lemma) && InfinitiveAt(c, cueEnd + 1, end)))
            return null;
        var leadWord = c.Word(lead);
        bool progressive = leadWord.EndsWith("ing", StringComparison.Ordinal) && BeBefore(c, lead, first);
        bool participle = leadWord.EndsWith("ing", StringComparison.Ordinal) && !progressive;
        // "was quick to add", "are more likely to say": an adjective of the catenatives follows "be" as a progressive does.
        bool afterBe = progressive || lead < v && BeBefore(c, lead, first);

        // Subject before the verb, allowing auxiliaries and adverbs: "Peskov has also said", "Trump is warning".
        int k = lead - 1;
        while (k >= first && !c.InQuote(k) && (QuoteContext.IsAuxOrAdverb(c.Word(k)) || afterBe && (IsBe(c.Word(k)) || c.Slice(k) is "not"))) k--;
        int auxStart = k + 1; // "has" / "would" in "Peskov has said" belong to the cue
        // A short parenthetical after the subject: "Sen. Tom Reed (R-Ohio) said", "the company (NYSE: ACME) said".
        k = BeforeParenthetical(c, k, first);
        int beforeTime = k;
        if (k - 1 >= first && QuoteContext.IsDayOrTime(c.Word(k)) && c.Slice(k - 1) is "on" or "last" or "this" or "late" or "early")
        {
            k = SkipAuxBack(c, k - 2, first); // "Northwind just this month announced"
        }
        else k = BeforeTimeAdverbial(c, k, first);
        // The parenthetical stands before a time phrase too: "Rep. Brad Sherman (D-Calif.) last month joked".
        if (k != beforeTime) k = BeforeParenthetical(c, k, first);
        var cueStart = auxStart < lead && c.Slice(auxStart) is "has" or "have" or "had" or "would" or "will" ? auxStart : lead;
        if (cueStart != lead) cue = new TextSpan(c.Tokens[cueStart].Start, cue.End);
        return new VerbCue(v, lemma, cueEnd, cue, participle, auxStart, k);
    }

    /// <summary>
    /// True when the word at <paramref name="v"/> follows a subject pronoun, directly or past auxiliaries and adverbs
    /// ("he claims", "she also promises"), or a name past at least one adverb ("Lee also claims"): no noun stands there,
    /// so a word that is a noun as often as a verb is the verb.
    /// </summary>
    private static bool VerbAfterSubject(QuoteContext c, int v, int first)
    {
        int k = v - 1;
        while (k >= first && !c.InQuote(k) && QuoteContext.IsAuxOrAdverb(c.Word(k)) && c.Tokens[k].Kind == TokenKind.Word && char.IsLower(c.First(k))) k--;
        if (k < first || c.InQuote(k) || c.Tokens[k].Kind != TokenKind.Word) return false;
        return Lexicon.IsSubjectPronoun(c.Article.Slice(c.Tokens[k]).ToString().ToLowerInvariant()) || k < v - 1 && c.MentionEndingAt(k) is { Form: MentionForm.Name } && !Lexicon.EndsWithPossessive(c.Word(k));
    }

    /// <summary>
    /// The first token of a catenative before the "to" at <paramref name="to"/> ("continued", "went on", "more likely"), or
    /// null when none stands there.
    /// </summary>
    private static int? CatenativeBefore(QuoteContext c, int to, int first)
    {
        int t = to - 1;
        if (t < first || c.InQuote(t) || c.Tokens[t].Kind != TokenKind.Word) return null;
        if (c.Slice(t) is "on" && t - 1 >= first && !c.InQuote(t - 1) && QuoteWords.OnToVerbs.Contains(c.Word(t - 1))) return t - 1;
        if (!QuoteWords.Catenatives.Contains(c.Word(t))) return null;
        while (t - 1 >= first && !c.InQuote(t - 1) && QuoteWords.DegreeAdverbs.Contains(c.Word(t - 1))) t--;
        return t;
    }

    /// <summary>
    /// True when a form of "be" stands before the verb at <paramref name="v"/>, past auxiliaries, adverbs and "not": the
    /// "-ing" form is then a progressive, a finite verb with a subject of its own ("was saying", "are quietly saying",
    /// "is not saying", "he's predicting"), not a participle continuing another clause.
    /// </summary>
    private static bool BeBefore(QuoteContext c, int v, int first)
    {
        int k = v - 1;
        while (k >= first && !c.InQuote(k) && !IsBe(c.Word(k)) && (QuoteContext.IsAuxOrAdverb(c.Word(k)) || c.Slice(k) is "not")) k--;
        return k >= first && !c.InQuote(k) && (IsBe(c.Word(k)) || IsContractedBe(c.Word(k)));
    }

    /// <summary>
    /// A subject pronoun and a contracted form of "be" in one word ("He's", "they’re", "I'm"): before an "-ing" form the
    /// "'s" is "is", not "has", so the verb is progressive, and the pronoun is its subject.
    /// </summary>
    private static bool IsContractedBe(string w)
    {
        int apostrophe = w.IndexOfAny(['\'', '’']);
        if (apostrophe <= 0) return false;
        return w[(apostrophe + 1)..].ToLowerInvariant() is "s" or "re" or "m" && Lexicon.IsSubjectPronoun(w[..apostrophe].ToLowerInvariant());
    }

    /// <summary>A finite or perfect form of "be" that opens a progressive ("is", "wasn't", "been"; "’s" split from its subject).</summary>
    private static bool IsBe(string w)
        => w.ToLowerInvariant() is "is" or "are" or "was" or "were" or "am" or "been" or "isn't" or "isn’t" or "aren't" or "aren’t"
            or "wasn't" or "wasn’t" or "weren't" or "weren’t" or "’s" or "'s";

    /// <summary>
    /// True when an infinitive opens at <paramref name="i"/>: "to" and a lower-case word that opens no noun phrase ("to cut",
    /// not "to the voters", "to him").
    /// </summary>
    private static bool InfinitiveAt(QuoteContext c, int i, int end)
        => i + 1 < end && c.Slice(i) is "to" && !c.InQuote(i + 1) && c.Tokens[i + 1].Kind == TokenKind.Word && char.IsLower(c.First(i + 1))
           && !Lexicon.Determiners.Contains(c.Word(i + 1)) && !QuoteWords.ObjectPronouns.Contains(c.Word(i + 1));

    /// <summary>True when the sentence opens with a preposition ("In", "During"), not a subordinating conjunction or a participle.</summary>
    private static bool InPrepositionalPhrase(QuoteContext c, int first)
        => c.Tokens[first].Kind == TokenKind.Word && QuoteWords.FrontedPhraseOpeners.Contains(c.Word(first))
           && !QuoteWords.Subordinators.Contains(c.Word(first)) && !c.Word(first).EndsWith("ing", StringComparison.OrdinalIgnoreCase)
           && !c.Word(first).EndsWith("ed", StringComparison.OrdinalIgnoreCase);

    /// <summary>The first token at or before <paramref name="k"/> that is not an auxiliary or adverb ("has also").</summary>
    /// <summary>
    /// The token before a time or place adverbial that ends at <paramref name="k"/> between a subject and its verb, or
    /// <paramref name="k"/> when none does: "Okafor a month later announced", "the chairman this past week announced", "the
    /// ministry two weeks ago said", "the company in 2009 agreed", "campaign workers here said".
    /// </summary>
    private static int BeforeTimeAdverbial(QuoteContext c, int k, int first)
    {
        if (k - 1 < first || c.InQuote(k)) return k;
        var w = c.Word(k);
        if (w is "here" or "there") return SkipAuxBack(c, k - 1, first);
        if (c.Tokens[k].Kind == TokenKind.Number && w.Length == 4 && c.Slice(k - 1) is "in") return SkipAuxBack(c, k - 2, first);
        int t = w == "ago" ? k - 1 : k;
        if (t - 1 < first || !IsTimeNoun(c.Word(t))) return k;
        while (t - 1 >= first && !c.InQuote(t - 1) && (IsTimeNoun(c.Word(t - 1)) || QuoteWords.TimePhraseWords.Contains(c.Word(t - 1))
               || c.Tokens[t - 1].Kind == TokenKind.Number)) t--;
        // The phrase opens with a counter, a determiner or a preposition ("a month", "two weeks"), not with the time noun itself.
        return t < k && !IsTimeNoun(c.Word(t)) ? SkipAuxBack(c, t - 1, first) : k;
    }

    /// <summary>A day or time noun, singular or plural ("month", "weeks", "Wednesday").</summary>
    private static bool IsTimeNoun(string w)
        => QuoteContext.IsDayOrTime(w) || w.Length > 3 && w.EndsWith('s') && QuoteContext.IsDayOrTime(w[..^1]);

    /// <summary>
    /// The token before a short parenthetical that closes at <paramref name="k"/> ("(R-Ohio)", "(NYSE: ACME)"), past the
    /// auxiliaries and adverbs before it; or <paramref name="k"/> when none closes there.
    /// </summary>
    private static int BeforeParenthetical(QuoteContext c, int k, int first)
        => k >= first && c.IsPunct(k, ')') && OpeningParenthesis(c, k, first) is int open && open - 1 >= first ? SkipAuxBack(c, open - 1, first) : k;

    private static int SkipAuxBack(QuoteContext c, int k, int first)
    {
        while (k >= first && !c.InQuote(k) && QuoteContext.IsAuxOrAdverb(c.Word(k))) k--;
        return k;
    }

    /// <summary>The "(" that opens the parenthetical closed at <paramref name="close"/>, within 8 tokens and outside quotations; or null.</summary>
    private static int? OpeningParenthesis(QuoteContext c, int close, int first)
    {
        for (int t = close - 1; t >= first && close - t <= 8; t--)
        {
            if (c.InQuote(t) || c.IsPunct(t, ')')) return null;
            if (c.IsPunct(t, '(')) return t;
        }
        return null;
    }

    /// <summary>
    /// "called the levy a tax on the poor", "calls him a liar": an object then an indefinite noun phrase that names it
    /// (the object complement of "call"), unlike "called a meeting" or "called the police", and not a time ("an hour later").
    /// </summary>
    private static bool NamesItsObject(QuoteContext c, int from, int end)
    {
        if (from >= end || c.InQuote(from) || c.Tokens[from].Kind != TokenKind.Word || c.Slice(from) is "a" or "an") return false;
        // "called him divisive", "calls them a danger": after an object pronoun a word that opens no adverbial or
        // particle ("called her back on Monday", "called them to ask") is its complement.
        // "Her" before a noun is as often a possessive ("called her husband"), so it needs "a" as a noun object does.
        if (QuoteWords.ObjectPronouns.Contains(c.Word(from)))
        {
            if (from + 1 >= end || c.InQuote(from + 1) || c.Tokens[from + 1].Kind != TokenKind.Word) return false;
            var next = c.Word(from + 1);
            if (next is not ("a" or "an"))
                return c.Slice(from) is not "her" && !QuoteWords.NotCallComplements.Contains(next) && !QuoteContext.IsDayOrTime(next);
        }
        for (int t = from + 1; t < end && t - from <= 4; t++)
        {
            if (c.InQuote(t) || c.Tokens[t].Kind != TokenKind.Word || QuoteWords.SourcePostModifierStarts.Contains(c.Word(t)) || c.Slice(t) is "to" or "and" or "that") return false;
            if (c.Slice(t) is "a" or "an")
                return t + 1 < end && c.Tokens[t + 1].Kind == TokenKind.Word && !QuoteContext.IsDayOrTime(c.Word(t + 1))
                    && c.Slice(t + 1) is not ("few" or "lot" or "bit" or "day" or "hour" or "minute" or "second" or "couple" or "number" or "time");
        }
        return false;
    }

    /// <summary>
    /// "called Park's plan reckless", and in headlines, which drop articles, "Biden calls Trump risk to safety": a name
    /// object followed by a lower-case word that opens no particle, adverbial or clause ("called Park after the vote",
    /// "called Park on Monday") is named by it. In body text the name must be a possessive opening the object: after a
    /// bare name the word is as often the verb of a naming participle ("a company called Harbor Freight gave …") or an
    /// adverb of a telephone call ("called Park shortly after …").
    /// </summary>
    private static bool NameComplement(QuoteContext c, Sentence s, int from, int end)
    {
        if (c.MentionStartingAt(from) is not { Form: MentionForm.Name } name) return false;
        int next = name.LastToken + 1;
        if (next >= end || c.InQuote(next) || c.Tokens[next].Kind != TokenKind.Word) return false;
        var w = c.Word(next);
        bool headline = c.Article.Paragraphs[s.Paragraph].IsTitle || c.IsHeadlineCase(s);
        if (!headline && !(char.IsLower(w[0]) && IsNamePossessive(c, name.LastToken))) return false;
        return !QuoteWords.NotCallComplements.Contains(w.ToLowerInvariant()) && !QuoteContext.IsDayOrTime(w);
    }

    /// <summary>True when token <paramref name="t"/> is a capitalised possessive outside quotation marks ("Ortiz's", "Obama’s").</summary>
    private static bool IsNamePossessive(QuoteContext c, int t)
    {
        var w = c.Word(t);
        return !c.InQuote(t) && c.Tokens[t].Kind == TokenKind.Word && char.IsUpper(w[0]) && Lexicon.EndsWithPossessive(w);
    }

    /// <summary>
    /// "called the attack that killed five officers "an act of terror."": after a longer object, a quotation within twelve
    /// tokens that closes the clause (the sentence ends, or punctuation, "and" or "but" follows it) is the complement.
    /// The words before it hold no other verb of saying and no punctuation but commas; a quotation inside the object
    /// ("called a meeting of the board and the "Harbor First" group") runs on into words of the noun phrase.
    /// </summary>
    private static bool QuotedComplementAfterObject(QuoteContext c, int from, int end)
    {
        for (int t = from; t < end && t - from <= 12; t++)
        {
            if (c.InQuote(t))
            {
                if (t == from || c.RegionAt(t) is not { } quotation) return false;
                int next = c.Article.TokenAtOrAfter(quotation.Outer.End);
                return next >= end || c.Tokens[next].Kind == TokenKind.Punctuation || c.Slice(next) is "and" or "but";
            }
            if (c.Tokens[t].Kind == TokenKind.Word ? Lexicon.ReportingLemma(c.Slice(t)) is not null : !c.IsPunct(t, ',')) return false;
        }
        return false;
    }

    /// <summary>True when a quotation opens within <paramref name="window"/> tokens from <paramref name="from"/>.</summary>
    private static bool QuoteWithin(QuoteContext c, int from, int end, int window)
    {
        for (int t = from; t < end && t - from < window; t++)
            if (c.InQuote(t)) return true;
        return false;
    }
}
