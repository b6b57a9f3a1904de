using NewsStance.Internal.Mentions;
using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Quotes;

/// <summary>
/// "According to X, …" at the start of a sentence (content after the comma) and "…, according to X." after
/// its content (content before the cue).
/// </summary>
internal sealed class AccordingToFrame(QuoteContext c, QuoteClassifier classifier)
{
    /// <summary>True when "according to" starts at token <paramref name="i"/> of a sentence ending before <paramref name="end"/>.</summary>
    public bool IsCue(int i, int end) // asked of every word: compares in place rather than copying the word
        => c.Article.Slice(c.Tokens[i]).Equals("according", StringComparison.OrdinalIgnoreCase) && i + 1 < end && c.Article.Slice(c.Tokens[i + 1]) is "to";

    /// <summary>The quote whose cue is the "according to" at token <paramref name="i"/>, or null.</summary>
    public QuoteCandidate? Find(Sentence s, int i)
    {
        int first = s.FirstToken, end = first + s.TokenCount;
        var cue = new TextSpan(c.Tokens[i].Start, c.Tokens[i + 1].End);
        // The source: a mention starting within three tokens after "to".
        int j = i + 2;
        Mention? speaker = null;
        for (int k = j; k < Math.Min(end, j + 3) && speaker is null; k++) speaker = c.SpeakerStartingAt(k);
        if (speaker is null) return null;
        int after = speaker.LastToken + 1;
        TextSpan content;
        // "According to X, …", also after one opening word that is no name ("But according to X, …").
        if (i == first || i > first && Lexicon.NotNames.Contains(c.Word(i - 1)) && i - 1 == first)
        {
            // Content after the next comma.
            int comma = after;
            while (comma < end && !c.IsPunct(comma, ',')) comma++;
            if (comma + 1 >= end) return null;
            content = c.Trim(new TextSpan(c.Tokens[comma + 1].Start, c.Tokens[end - 1].End));
        }
        else
        {
            // "…, according to X." — content before the cue.
            int stop = i - 1;
            if (stop < first) return null;
            content = c.Trim(new TextSpan(c.Tokens[first].Start, c.Tokens[stop].End));
            // "…, according to X, …": set off by commas inside the sentence, the source stands between the parts of its
            // content ("Missing, according to members, was any mention of …"); an opening connective before it ("In addition,",
            // "But,") is no part of the content.
            if (c.IsPunct(stop, ',') && RightPart(speaker, end) is { } right)
            {
                List<TextSpan> pieces = IsConnective(first, stop) || content.Length == 0 ? [right] : [content, right];
                return classifier.Classify(new ReportingFrame(s, pieces, cue, "according to", speaker, FramePattern.AccordingTo));
            }
        }
        if (content.Length == 0) return null;
        return classifier.Classify(new ReportingFrame(s, [content], cue, "according to", speaker, FramePattern.AccordingTo));
    }

    /// <summary>
    /// The rest of the sentence after the comma that closes the source phrase, when it holds at least three words; past an
    /// apposition of a named source ("according to Dan Ross, a former envoy, …"). Null when the sentence ends with the source.
    /// </summary>
    private TextSpan? RightPart(Mention speaker, int end)
    {
        int comma = speaker.LastToken + 1;
        while (comma < end && comma - speaker.LastToken <= 12 && !c.InQuote(comma) && !c.IsPunct(comma, ',')) comma++;
        if (comma >= end || !c.IsPunct(comma, ',')) return null;
        if (speaker.Form == MentionForm.Name && comma + 1 < end && c.Tokens[comma + 1].Kind == TokenKind.Word && Lexicon.Determiners.Contains(c.Word(comma + 1)))
        {
            // The apposition runs to the next comma; with none, the sentence ends with the source.
            comma++;
            while (comma < end && !c.InQuote(comma) && !c.IsPunct(comma, ',')) comma++;
            if (comma >= end || !c.IsPunct(comma, ',')) return null;
        }
        if (end - (comma + 1) < 3) return null;
        // ", which monitors …", ", although …", ", taking a step …": a relative, contrasting or participle clause after the
        // source is the writer's description or narration, no second part of the content.
        if (OpensAside(comma + 1)) return null;
        var span = c.Trim(new TextSpan(c.Tokens[comma + 1].Start, c.Tokens[end - 1].End));
        return span.Length == 0 || c.TokenCount(span) < 3 ? null : span;
    }

    /// <summary>
    /// True when the word at <paramref name="t"/> opens an aside rather than continuing a clause: a relative pronoun or
    /// contrasting connective (<see cref="QuoteWords.SourceAsideOpeners"/>) or a lower-case participle in -ing that is no
    /// preposition ("including").
    /// </summary>
    private bool OpensAside(int t)
    {
        if (c.InQuote(t) || c.Tokens[t].Kind != TokenKind.Word) return false;
        var w = c.Word(t);
        return QuoteWords.SourceAsideOpeners.Contains(w)
            || char.IsLower(w[0]) && w.Length > 4 && w.EndsWith("ing", StringComparison.Ordinal) && !QuoteWords.PrepositionParticiples.Contains(w);
    }

    /// <summary>True when tokens <paramref name="first"/> to before <paramref name="comma"/> are an opening connective ("In addition", "But").</summary>
    private bool IsConnective(int first, int comma)
        => comma - first <= 2 && c.Tokens[first].Kind == TokenKind.Word && Lexicon.NotNames.Contains(c.Word(first));
}
