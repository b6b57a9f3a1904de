using NewsStance.Internal.Mentions;
using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Quotes;

/// <summary>
/// Finds an article's quotations. One recogniser per reporting frame reads each sentence: the colon frame
/// (<c>X: …</c>), "according to" (<c>According to X, …</c>, <c>…, according to X.</c>), the verb frames in every
/// order (<c>X said (that) …</c>, <c>…, X said.</c>, <c>…, said X.</c>), participles (<c>…, adding that …</c>) and
/// nouns of saying (<c>Smith's claim that …</c>, <c>a pledge by the mayor to …</c>);
/// each classifies its content as it goes (<see cref="QuoteClassifier"/>). Quotations that no frame claimed become
/// bare direct quotes when they read like speech, attributed by a dash trailer if one follows; then
/// <see cref="QuoteAssembler"/> merges continuations, drops nested reported speech and sorts.
/// </summary>
internal sealed class QuoteFinder
{
    private readonly QuoteContext _c;
    private readonly ColonFrame _colon;
    private readonly AccordingToFrame _accordingTo;
    private readonly VerbFrame _verb;
    private readonly ParticipleFrame _participle;
    private readonly SpeechNounFrame _speechNoun;
    private readonly BareQuotations _bare;
    private readonly QuoteAssembler _assembler;

    private QuoteFinder(Article article, IReadOnlyList<Mention> mentions, IReadOnlyList<QuoteRegion>? regions)
    {
        _c = new QuoteContext(article, mentions, regions);
        var classifier = new QuoteClassifier(_c);
        var content = new ReportedContent(_c);
        _colon = new ColonFrame(_c, classifier);
        _accordingTo = new AccordingToFrame(_c, classifier);
        _verb = new VerbFrame(_c, classifier, content, new VerbSubject(_c));
        _participle = new ParticipleFrame(_c, classifier, content);
        _speechNoun = new SpeechNounFrame(_c, classifier);
        _bare = new BareQuotations(_c, new DashTrailer(_c));
        _assembler = new QuoteAssembler(_c);
    }

    /// <summary>The quotes of an article, in text order, given the mentions found in it (and its quotations, when found already).</summary>
    public static List<QuoteCandidate> Find(Article article, IReadOnlyList<Mention> mentions, IReadOnlyList<QuoteRegion>? regions = null)
        => new QuoteFinder(article, mentions, regions).Run();

    private List<QuoteCandidate> Run()
    {
        var frames = new List<QuoteCandidate>();
        int coveredUntil = 0; // a transcript line's quote runs over the rest of its paragraph: its sentences are read
        foreach (var s in _c.Article.Sentences)
        {
            if (s.Span.Start < coveredUntil) continue;
            int before = frames.Count;
            FramesIn(s, frames);
            if (frames.Count > before && frames[^1].Pattern == FramePattern.Colon) coveredUntil = frames[^1].End;
        }
        // The quotations the frames took as content: the one place that decides which quotations are left over.
        var claimed = frames.SelectMany(q => q.Quotations).ToHashSet();
        return _assembler.Assemble(frames, _bare.Find(claimed));
    }

    /// <summary>Adds the frames of one sentence, in the order of their cues.</summary>
    private void FramesIn(Sentence s, List<QuoteCandidate> frames)
    {
        // A sentence that opens with "Name:" is that person's words, whatever verbs it holds.
        if (_colon.Find(s) is { } colon)
        {
            frames.Add(colon);
            return;
        }
        int first = s.FirstToken, end = first + s.TokenCount;
        for (int i = first; i < end; i++)
        {
            if (_c.InQuote(i) || _c.Tokens[i].Kind != TokenKind.Word) continue;
            if (_accordingTo.IsCue(i, end))
            {
                if (_accordingTo.Find(s, i) is { } q) { frames.Add(q); i++; }
                continue;
            }
            // "Smith's claim that …": a noun of saying with its speaker; a form that is also a verb ("claims") is read as one when it is no such noun.
            if (_speechNoun.IsCue(i))
            {
                if (_speechNoun.Find(s, i) is { } said) { frames.Add(said); continue; }
                if (_speechNoun.HasRelativeClause(s, i)) continue;
            }
            if (VerbCue.Read(_c, s, i) is not { } cue) continue;
            var previous = frames.Count > 0 && frames[^1].Sentence == s.Index ? frames[^1] : null;
            if ((cue.Participle ? _participle.Find(s, cue, previous) : _verb.Find(s, cue)) is { } found) frames.Add(found);
            // A frame's content may hold a second frame ("…, he said, adding that …"): keep scanning after the cue.
        }
    }
}
