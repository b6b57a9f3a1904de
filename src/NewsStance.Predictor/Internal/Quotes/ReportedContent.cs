using NewsStance.Internal.Mentions;
using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Quotes;

/// <summary>
/// Where the content of a reporting verb lies after its cue: past the addressee ("told reporters"), an adverbial
/// ("on Tuesday") and "that", up to the next clause with a speech act of its own. Verb frames and participle
/// frames read content forward with it.
/// </summary>
internal sealed class ReportedContent(QuoteContext c)
{
    /// <summary>The content after the cue ending at <paramref name="cueEnd"/>, or null when what follows is no reported content.</summary>
    public List<TextSpan>? After(int cueEnd, string lemma, int end, bool requireThat)
    {
        int i = cueEnd + 1;
        if (i >= end) return null;
        bool hasThat = false, colon = false;
        bool asks = QuoteWords.QuestionVerbs.Contains(lemma);
        // "promised to review the accounts": "to" and a verb right after a verb whose content may be an infinitive open
        // that infinitive; the addressee, when there is one, comes first ("promised voters to …" is not English).
        bool infinitiveNext = QuoteWords.ObjectContentVerbs.Contains(lemma) && c.Slice(i) is "to" && i + 1 < end
            && c.Tokens[i + 1].Kind == TokenKind.Word && !c.InQuote(i + 1) && !Lexicon.Determiners.Contains(c.Word(i + 1).ToLowerInvariant());
        if (QuoteWords.AddresseeVerbs.Contains(lemma) && !infinitiveNext)
        {
            // The addressee: a pronoun, a name or a short noun phrase.
            var m = c.MentionStartingAt(i);
            if (m is not null) i = m.LastToken + 1;
            else
            {
                int steps = 0;
                while (i < end && steps < 5 && c.Tokens[i].Kind == TokenKind.Word && c.Slice(i) is not "that" && !c.InQuote(i)
                       && !(asks && QuoteWords.QuestionStarts.Contains(c.Word(i)))) { i++; steps++; if (steps >= 1 && c.IsNounEnd(i - 1)) break; }
            }
        }
        // "urged Congress to leave the program intact", "told them to wait", "agreed to lend …", "pledged to cut …":
        // after an addressee, or after a verb whose content may be a phrase, an infinitive is the content.
        bool infinitive = (i > cueEnd + 1 || QuoteWords.ObjectContentVerbs.Contains(lemma)) && i + 1 < end && c.Slice(i) is "to"
            && c.Tokens[i + 1].Kind == TokenKind.Word && !c.InQuote(i + 1);
        // "asked the judge to delay the hearing": an infinitive after an addressee is a request's content, as a "that" clause
        // would be; the addressee is the infinitive's subject, so the content is "the judge to delay the hearing".
        bool request = infinitive && i > cueEnd + 1;
        int requestedAt = i;
        // Adverbials: "on Tuesday", "in a statement", "at a news conference", up to a comma or "that".
        int save = i;
        if (i < end && (QuoteWords.ContentAdverbialStarts.Contains(c.Word(i)) || Topic(lemma, i, end)))
        {
            int k = i, words = 0;
            while (k < end && words < 9 && c.Slice(k) is not "that" && !c.IsPunct(k, ',') && !c.IsPunct(k, ':'))
            {
                // "said on NBC's "Meet the Press" on Sunday that …": a quoted title inside the adverbial is part of it (a word).
                if (c.RegionAt(k) is not null) { if (TitleEnd(k) is int after) { k = after; words++; continue; } break; }
                k++; words++;
            }
            if (k < end && (c.Slice(k) is "that" || c.IsPunct(k, ',') || c.IsPunct(k, ':'))) i = k;
            else i = save;
        }
        while (i < end && (c.IsPunct(i, ',') || c.IsPunct(i, ':'))) { colon |= c.IsPunct(i, ':'); i++; }
        bool objectContent = QuoteWords.ObjectContentVerbs.Contains(lemma);
        // "said that is unlikely": "that" before a finite verb is the clause's subject (a demonstrative), not its opener.
        if (i < end && c.Slice(i) is "that") { hasThat = true; if (!DemonstrativeSubject(i, end)) i++; }
        // "asked whether the plant would close": the embedded question, its opening word included, is the content.
        else if (asks && i < end && !c.InQuote(i) && QuoteWords.QuestionStarts.Contains(c.Word(i))) hasThat = true;
        // After a verb whose content may be its object, a later "that" opens a relative clause inside that object
        // ("called for rules that protect tenants"), not the content.
        else if (!objectContent)
        {
            // "said a day earlier during his meeting with Maduro that …": a "that" shortly after, before any punctuation.
            // An adverbial holds no subject pronoun nor embedded question: in "said he understands how hard that can be"
            // the clause has begun, and its "that" is its own.
            for (int k = i; k < end && k - i < 10; k++)
            {
                if (c.InQuote(k) || c.Tokens[k].Kind == TokenKind.Punctuation || Lexicon.ReportingLemma(c.Slice(k)) is not null || QuoteWords.FiniteAuxiliaries.Contains(c.Word(k))
                    || Lexicon.SubjectPronouns.Contains(c.Word(k)) || QuoteWords.QuestionStarts.Contains(c.Word(k))) break;
                if (c.Slice(k) is "that" && k > i) { hasThat = true; i = k + 1; break; }
            }
        }
        if (i >= end) return null;
        // "46 percent said yes", "26 percent said the same": a short answer that closes the clause stands for the clause it
        // answers or repeats, so it is the whole content.
        if (!hasThat && !colon && Lexicon.IsCoreSpeechVerb(lemma) && ShortAnswerEnd(i, end) is var answer and >= 0)
            return [c.Trim(new TextSpan(c.Tokens[i].Start, c.Tokens[answer].End))];
        // "maintains a commanding lead", "conceding the race": a verb in its sense of keeping, having or giving up a thing.
        if (!hasThat && !colon && !c.InQuote(i) && QuoteWords.ThingObjectVerbs.Contains(lemma) && OpensThingObject(i))
            return null;
        // "said nothing", "said goodbye": an object, not reported content.
        if (!hasThat && !c.InQuote(i) && QuoteWords.NonContentObjects.Contains(c.Word(i)))
            return null;
        // "said about the strike": a topic, not what was said; but "said about half of …" is an amount.
        if (!hasThat && !colon && !c.InQuote(i) && Topic(lemma, i, end)) return null;
        if (requireThat && !hasThat && !colon && !c.InQuote(i) && !objectContent && !request) return null;
        // A noun object and not a clause ("said nothing", "told a story"): only speech verbs may go without "that".
        if (!hasThat && !colon && !c.InQuote(i) && !objectContent && !request && !(Lexicon.IsCoreSpeechVerb(lemma) || LooksLikeClauseStart(i))) return null;
        // "called him divisive": the cue has checked that a complement follows the pronoun, which ends no clause here.
        bool namedPronoun = lemma == "call" && QuoteWords.ObjectPronouns.Contains(c.Word(i));
        if (!hasThat && !colon && !c.InQuote(i) && !infinitive && !namedPronoun && IsClauseEnd(i, end, lemma) && !LooksLikeClauseStart(i)) return null;
        int stop = NextSpeechClause(i, end) - 1;
        // "criticized the company's email policy, which auditors had flagged": a relative clause set off after a noun-phrase
        // content describes the object in the writer's words; it is not part of what was said.
        // So does a participle or concessive aside after a noun phrase; after an infinitive ("pledged to bolster its army,
        // reversing …") the participle is as often part of what was promised.
        if (objectContent && !hasThat && !colon && !c.InQuote(i)) stop = Math.Min(stop, NonRestrictiveRelative(i, stop + 1, asides: !infinitive) - 1);
        // "said she would visit Flint, which …", "said the plan would fail, according to two aides": a clause's last comma
        // before a relative pronoun, an appositive or "according to" sets off the writer's description or source.
        else if (!colon && !c.InQuote(i)) stop = Math.Min(stop, TrailingAside(i, stop + 1) - 1);
        if (stop < i) return null;
        int start = request && i == requestedAt ? cueEnd + 1 : i;
        var content = c.Trim(new TextSpan(c.Tokens[start].Start, c.Tokens[stop].End));
        if (content.Length == 0 || c.TokenCount(content) < (objectContent ? 2 : 3)) return null;
        return [content];
    }

    /// <summary>True when "that" at <paramref name="i"/> stands before a finite auxiliary ("that is", "that would"): the subject of its clause.</summary>
    private bool DemonstrativeSubject(int i, int end)
        => i + 1 < end && !c.InQuote(i + 1) && c.Tokens[i + 1].Kind == TokenKind.Word
           && (QuoteWords.FiniteAuxiliaries.Contains(c.Word(i + 1)) || c.Slice(i + 1) is "'s" or "’s");

    /// <summary>True when a noun phrase opens at <paramref name="i"/> with an article, a possessive or a number ("a lead", "the race", "41 percent").</summary>
    private bool OpensThingObject(int i)
        => c.Tokens[i].Kind == TokenKind.Number
           || c.Word(i).ToLowerInvariant() is "a" or "an" or "the" or "another" or "his" or "her" or "its" or "their" or "our" or "my" or "your";

    /// <summary>
    /// The last token of a short answer ("yes", "no", "so", "the same") starting at <paramref name="i"/> and followed by
    /// punctuation, the sentence end or an adverbial ("said so in December"); or -1.
    /// </summary>
    private int ShortAnswerEnd(int i, int end)
    {
        if (c.InQuote(i) || c.Tokens[i].Kind != TokenKind.Word) return -1;
        int last = -1;
        if (QuoteWords.ShortAnswers.Contains(c.Word(i))) last = i;
        // "said the same", "said the same thing": the repetition of an earlier statement.
        else if (c.Word(i).Equals("the", StringComparison.OrdinalIgnoreCase) && i + 1 < end && c.Slice(i + 1) is "same")
            last = i + 2 < end && c.Slice(i + 2) is "thing" ? i + 2 : i + 1;
        if (last < 0) return -1;
        int next = last + 1;
        return next >= end || c.Tokens[next].Kind == TokenKind.Punctuation || QuoteWords.ContentAdverbialStarts.Contains(c.Word(next)) ? last : -1;
    }

    /// <summary>
    /// True when nothing but an adverbial, punctuation or a quotation follows a cue at <paramref name="i"/>:
    /// "…, he said on Tuesday." ends the frame; "he said in 2019 that …" does not. <paramref name="lemma"/> is the cue's.
    /// </summary>
    public bool IsClauseEnd(int i, int end, string lemma)
    {
        if (i >= end) return true;
        if (c.IsPunct(i, '.') || c.IsPunct(i, ',') || c.IsPunct(i, ';') || c.IsPunct(i, '!') || c.IsPunct(i, '?') || c.IsDash(i)) return true;
        if (c.Tokens[i].Kind == TokenKind.QuoteMark) return true;
        var w = c.Word(i).ToLowerInvariant();
        // "…, Dana Whitlow, said the new budget would …", "they described him as …": after a reporting verb, a noun phrase
        // or an object pronoun opens its content; only a time ("said the next day", "a week later") or the addressee of
        // "told the council" ends the frame there.
        if (w is "the" or "a" or "an" or "him" or "her" or "them" or "me" or "us" && !QuoteWords.AddresseeVerbs.Contains(lemma) && !TimeFollows(i + 1, end))
            return false;
        if (QuoteWords.TrailerAdverbialStarts.Contains(w) || Topic(lemma, i, end))
        {
            // …, he said in a statement. / …, she told reporters on Monday. — but not "he said in 2019 that …"
            for (int k = i; k < end; k++)
            {
                // "…, he said Tuesday in Paris, noting …", "…, as the paper reported on Tuesday, and …": a comma before a word
                // that opens a clause or participle frame of its own ends the adverbial; what follows is not this cue's.
                if (OpensOwnClauseAfterComma(k, end)) return true;
                if (c.Tokens[k].Kind == TokenKind.Word && c.Slice(k) is "that") return false;
                if (c.InQuote(k)) return c.IsPunct(k - 1, ',') || c.IsPunct(k - 1, ':');
            }
            return true;
        }
        return false;
    }

    /// <summary>
    /// True when a comma outside quotation marks stands at <paramref name="k"/> before a word that opens a clause of its own:
    /// a conjunction or relative pronoun (continuation breakers: "and", "although", "according") or a reporting word ("noting", "adding").
    /// </summary>
    private bool OpensOwnClauseAfterComma(int k, int end)
    {
        if (!c.IsPunct(k, ',') || c.InQuote(k) || k + 1 >= end || c.InQuote(k + 1) || c.Tokens[k + 1].Kind != TokenKind.Word) return false;
        var w = c.Word(k + 1).ToLowerInvariant();
        return QuoteWords.ContinuationBreakers.Contains(w) || Lexicon.ReportingLemma(w) is not null;
    }

    /// <summary>
    /// The token after a quoted title that starts at <paramref name="t"/> ("Meet the Press", "Morning Joe"): a quotation of one
    /// piece of at most six words, capitalised as a name is and closing on no punctuation, so a name rather than speech
    /// (a lower-case "fatal miscalculation" is a quoted fragment); else null.
    /// </summary>
    private int? TitleEnd(int t)
    {
        if (c.RegionAt(t) is not { Pieces.Count: 1 } r) return null;
        var piece = r.Pieces[0];
        if (piece.Length == 0 || !char.IsUpper(c.Text[piece.Start]) || c.Text[piece.End - 1] is ',' or '.' or '!' or '?' or ';' or ':'
            || c.TokenCount(piece) > 6) return null;
        return c.Article.TokenAtOrAfter(r.Outer.End);
    }

    /// <summary>True when a time noun ("day", "week", "Monday") stands within the two words from <paramref name="from"/>.</summary>
    private bool TimeFollows(int from, int end)
    {
        for (int t = from; t < end && t < from + 2; t++)
            if (c.Tokens[t].Kind == TokenKind.Word && QuoteContext.IsDayOrTime(c.Word(t).ToLowerInvariant())) return true;
        return false;
    }

    /// <summary>
    /// Where reported content ends: at a coordinated clause with its own speaker and reporting verb
    /// (", and she described the demands as …", "; officials said …"), which is a quote of its own; else at <paramref name="end"/>.
    /// </summary>
    private int NextSpeechClause(int from, int end)
    {
        bool commaSeen = false;
        for (int t = from; t + 2 < end; t++)
        {
            if (c.InQuote(t)) continue;
            // The content's first comma may close the relative clause its cue stands in; a later one closes an aside
            // inside the content ("Lee, a ferry pilot, told …"), whose verb is the content's own.
            bool firstComma = !commaSeen && c.IsPunct(t, ',');
            commaSeen |= c.IsPunct(t, ',');
            // "told him to leave and repeatedly says, …": a second reporting verb of the same subject.
            if (t > from && c.Article.Slice(c.Tokens[t]) is "and" && SkipAuxForward(t + 1, end) is int verb && verb < end && IsReportingVerb(verb))
                return t;
            // "denied any wrongdoing but said …" likewise; after a modal ("… would fall, but would eventually add …") the
            // verb belongs to the reported clause.
            if (t > from && c.Article.Slice(c.Tokens[t]) is "but" && SkipAuxForward(t + 1, end) is int then && then < end && IsReportingVerb(then)
                && !HasModal(t + 1, then))
                return t;
            // "… before adding that …", "…, while acknowledging that …": a participle of a reporting verb, alone or after a
            // connective, is a speech act of its own.
            if (t > from && c.Slice(t) is "while" or "before" or "after" or "when" or "by" && ReportingParticiple(SkipAuxForward(t + 1, end), end)) return t;
            // "… while Lee suggests …", "… while Lee is arguing …", "…, with Senator Lee calling it …": a contrasting clause or an absolute clause with a
            // subject of its own and a verb of saying is a speech act of its own. (After "when", "because" or "after" the
            // clause is as often part of what was said: "said he was frustrated when he called the company".)
            if (t > from && c.Slice(t) is "while" or "whereas" or "with" && c.MentionStartingAt(t + 1) is { } own
                && SkipAuxForward(own.LastToken + 1, end) is int ownVerb && ownVerb < end && OwnClauseVerb(c.Slice(t) is "with", ownVerb, end))
                return t;
            // "… "a waste of money," adding that …": after a quotation that closes on its comma, as after a comma.
            if (t > from && c.Tokens[t - 1].Kind == TokenKind.QuoteMark && ClosesOnComma(t - 1) && ReportingParticiple(t, end)) return t;
            // "… "a waste of money," and he repeated …": a quotation that closes on its comma stands for the comma.
            bool quoteComma = t > from && c.Slice(t) is "and" or "but" && c.Tokens[t - 1].Kind == TokenKind.QuoteMark && ClosesOnComma(t - 1);
            if (!(quoteComma || c.IsPunct(t, ',') || c.IsPunct(t, ';') || c.IsDash(t))) continue;
            int n = quoteComma ? t : t + 1;
            if (ReportingParticiple(n, end)) return t;
            if (firstComma && !quoteComma && FiniteReportingVerb(n, end)) return t;
            bool but = c.Slice(n) is "but";
            if (c.Slice(n) is "and" or "but" or "while" or "whereas" or "although" or "though") n++;
            else if (!c.IsPunct(t, ';') && !c.IsDash(t)) continue;
            if (n >= end || c.InQuote(n)) continue;
            // "…, but the council has yet to …": after ", but" a clause with a subject of its own is the writer's again.
            if (but && OpensSubject(n)) return t;
            // "…, while only 40 percent of …": an approximator before a share is no mention of its own.
            if (c.MentionStartingAt(n) is null && n + 1 < end && MentionWords.ShareApproximators.Contains(c.Word(n))) n++;
            if (c.MentionStartingAt(n) is not { } m) continue;
            if (IsReportingVerb(SkipAuxForward(m.LastToken + 1, end)) || VerbAfterPartitive(m.LastToken + 1, end))
                return t;
        }
        return end;
    }

    /// <summary>
    /// True when a partitive group ("of Democrats", "of those polled") and then a reporting verb follow a subject at
    /// <paramref name="t"/>: "; 26 percent of Democrats say …", the share's group standing between it and its verb.
    /// Words only, up to <see cref="MaxPartitive"/> after "of", so no clause with a verb of its own is passed over.
    /// </summary>
    private bool VerbAfterPartitive(int t, int end)
    {
        if (t >= end || c.InQuote(t) || c.Slice(t) is not ("of" or "among")) return false;
        for (int k = t + 1; k < end && k - t <= MaxPartitive; k++)
        {
            if (c.InQuote(k) || c.Tokens[k].Kind is not (TokenKind.Word or TokenKind.Number)) return false;
            if (k > t + 1 && IsReportingVerb(SkipAuxForward(k, end))) return true;
            if (c.Slice(k) is "who" or "that" or "which") return false;
        }
        return false;
    }

    /// <summary>The most words a partitive group after a subject runs to before its verb.</summary>
    private const int MaxPartitive = 4;

    /// <summary>
    /// The comma outside quotation marks from <paramref name="from"/> that sets off the writer's aside after a noun phrase:
    /// a relative clause (", which …", ", who …"), a participle phrase (", leading to …") or a concessive or contrasting
    /// clause (", even though …", ", instead …") when <paramref name="asides"/>; or <paramref name="end"/>.
    /// </summary>
    private int NonRestrictiveRelative(int from, int end, bool asides)
    {
        for (int t = from; t + 1 < end; t++)
        {
            if (c.InQuote(t) || !c.IsPunct(t, ',') || c.InQuote(t + 1) || c.Tokens[t + 1].Kind != TokenKind.Word) continue;
            var w = c.Word(t + 1);
            if (w is "which" or "who" || asides && (QuoteWords.AsideOpeners.Contains(w) || IsAsideParticiple(t + 1, end))) return t;
        }
        return end;
    }

    /// <summary>
    /// Where a clause content's trailing aside starts: the comma before "according to" (a source of its own), the comma
    /// before "which" or "who", the comma or dash before an indefinite appositive ("a", "an") or the dash before a
    /// concessive ("— though …"),
    /// when no comma or dash follows it (the aside then runs to the end, not closing a parenthesis inside the clause:
    /// "the plan, which cost $5m, would fail"); else <paramref name="end"/>.
    /// </summary>
    private int TrailingAside(int from, int end)
    {
        int aside = end;
        for (int t = from + 2; t + 1 < end; t++)
        {
            bool dash = c.IsDash(t);
            if (c.InQuote(t) || !(c.IsPunct(t, ',') || dash)) continue;
            if (aside < end) { aside = end; } // a later comma or dash: the earlier one closes no trailing aside
            if (c.InQuote(t + 1) || c.Tokens[t + 1].Kind != TokenKind.Word) continue;
            var w = c.Word(t + 1);
            if (!dash && w == "according" && t + 2 < end && c.Slice(t + 2) is "to") return t;
            if (w is "a" or "an" || (dash ? QuoteWords.AsideOpeners.Contains(w) : w is "which" or "who")) aside = t;
        }
        return aside;
    }

    /// <summary>
    /// A participle opening the writer's aside (", leading to …"): a lower-case word in -ing that is no preposition
    /// ("including") and no adjective in a list (", loving and admirable").
    /// </summary>
    private bool IsAsideParticiple(int t, int end)
    {
        var w = c.Word(t);
        return char.IsLower(w[0]) && w.Length > 4 && w.EndsWith("ing", StringComparison.Ordinal) && !QuoteWords.PrepositionParticiples.Contains(w)
            && !(t + 1 < end && (c.IsPunct(t + 1, ',') || c.Slice(t + 1) is "and" or "or"));
    }

    /// <summary>True when the quotation whose closing mark is at <paramref name="mark"/> ends on a comma ("… money,"").</summary>
    private bool ClosesOnComma(int mark) => c.InQuote(mark) && c.Tokens[mark].Start > 0 && c.Text[c.Tokens[mark].Start - 1] == ',';

    /// <summary>True when a clause's subject starts at <paramref name="i"/>: a mention, a pronoun or determiner, or a capitalised word.</summary>
    private bool OpensSubject(int i)
        => c.MentionStartingAt(i) is not null || c.Tokens[i].Kind == TokenKind.Word && (char.IsUpper(c.First(i)) || QuoteWords.SubjectStarts.Contains(c.Word(i)));

    /// <summary>
    /// True for "about X" after a verb of saying, the topic ("said about the strike"); not "about" before an amount
    /// ("said about half of …"), where it is no preposition.
    /// </summary>
    private bool Topic(string lemma, int i, int end)
        => c.Slice(i) is "about" && !c.InQuote(i) && QuoteWords.TopicVerbs.Contains(lemma)
           && !(i + 1 < end && (c.Tokens[i + 1].Kind == TokenKind.Number || c.Slice(i + 1) is "half" or "twice" or "a" or "one"));

    /// <summary>
    /// True when a finite reporting verb with no subject of its own opens at <paramref name="t"/> after a comma: the main
    /// clause resuming after a relative clause ("Lee, who said he votes for Democrats, said the governor …"), whose content
    /// ends at that comma. An inflected form only ("said", "says", "told"), so no "say" that means "for example"; none
    /// before "to", "of" or "by", where a past participle opens a reduced relative ("the funds, said to be …").
    /// </summary>
    private bool FiniteReportingVerb(int t, int end)
    {
        int v = SkipAuxForward(t, end);
        if (v + 1 >= end || !IsReportingVerb(v) || HasModal(t, v) || c.IsPunct(v + 1, ',') || c.Slice(v + 1) is "to" or "of" or "by") return false;
        var w = c.Word(v);
        return !w.EndsWith("ing", StringComparison.Ordinal) && Lexicon.ReportingLemma(w) is { } lemma && !w.Equals(lemma, StringComparison.OrdinalIgnoreCase);
    }

    private bool ReportingParticiple(int t, int end) => t < end && IsReportingVerb(t) && c.Word(t).EndsWith("ing", StringComparison.Ordinal);

    /// <summary>A lower-case reporting verb outside quotation marks, not a form that reads as a noun as often ("reports", "claims").</summary>
    private bool IsReportingVerb(int v) => v < c.Tokens.Length && !c.InQuote(v) && c.Tokens[v].Kind == TokenKind.Word && !char.IsUpper(c.First(v))
        && Lexicon.ReportingLemma(c.Slice(v)) is { } lemma
        && !(Lexicon.IsNounAmbiguous(lemma) && (c.Word(v).Equals(lemma, StringComparison.OrdinalIgnoreCase) || c.Word(v).Equals(lemma + "s", StringComparison.OrdinalIgnoreCase)));

    /// <summary>True when a modal stands between <paramref name="from"/> and the verb at <paramref name="verb"/> ("but would eventually add").</summary>
    private bool HasModal(int from, int verb)
    {
        for (int k = from; k < verb; k++)
            if (QuoteWords.ModalAuxiliaries.Contains(c.Word(k))) return true;
        return false;
    }

    /// <summary>
    /// True when the verb of a contrasting clause at <paramref name="v"/> is a verb of saying: finite after "while"
    /// ("while Lee suggests", or progressive, "while Lee is arguing"), a participle after "with" ("with Lee calling it").
    /// </summary>
    private bool OwnClauseVerb(bool absolute, int v, int end)
    {
        if (absolute) return ReportingParticiple(v, end);
        if (c.Slice(v) is "is" or "are" or "was" or "were") return ReportingParticiple(SkipAuxForward(v + 1, end), end);
        return IsReportingVerb(v) && !c.Word(v).EndsWith("ing", StringComparison.Ordinal);
    }

    private int SkipAuxForward(int k, int end)
    {
        while (k < end && !c.InQuote(k) && QuoteContext.IsAuxOrAdverb(c.Word(k))) k++;
        return k;
    }

    /// <summary>A clause begins with a subject: a mention, a pronoun or determiner, a number or a capital.</summary>
    private bool LooksLikeClauseStart(int i)
    {
        if (c.MentionStartingAt(i) is not null) return true;
        var w = c.Word(i);
        if (char.IsUpper(w[0]) || c.Tokens[i].Kind == TokenKind.Number) return true;
        return QuoteWords.ClauseStarts.Contains(w.ToLowerInvariant());
    }
}
