using NewsStance.Internal.Mentions;
using NewsStance.Internal.Quotes;
using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Speakers;

/// <summary>
/// The features of one (quote, candidate mention) pair. They are data, not rules: the hand-set
/// <see cref="RuleSpeakerScorer"/> weighs them, and the trained ranker learns from the same vector.
/// </summary>
internal static class SpeakerFeatures
{
    /// <summary>Feature names, in vector order (recorded in the model manifest).</summary>
    public static readonly string[] Names =
    [
        "frame_subject", "same_sentence", "previous_sentence", "next_sentence", "sentence_distance", "same_paragraph",
        "log_token_distance", "before_quote", "inside_quote", "form_name", "form_pronoun", "form_role", "form_anonymous",
        "form_document", "form_org_noun", "kind_person", "kind_org", "previous_speaker", "log_entity_mentions",
        "sentence_initial", "followed_by_cue", "distance_rank", "quote_has_frame", "type_direct", "type_indirect",
        "type_mixed", "colon_intro", "has_full_name", "pattern_trailer", "pattern_subject_first", "in_title",
        "paragraph_distance", "mention_plural", "rule_score",
    ];

    public static int Count => Names.Length;

    /// <summary>The candidate mentions for a quote: nearby sentences, never inside the quote's own content.</summary>
    public static List<Mention> Candidates(Article a, IReadOnlyList<Mention> mentions, QuoteCandidate q, int[] firstMentionOfSentence)
    {
        var list = new List<Mention>();
        int from = Math.Max(0, q.Sentence - 4);
        int lastSentence = a.SentenceAt(q.End);
        int to = Math.Min(a.Sentences.Count - 1, lastSentence + 1);
        for (int s = from; s <= to; s++)
        {
            for (int k = firstMentionOfSentence[s]; k < mentions.Count && mentions[k].Sentence == s; k++)
            {
                var m = mentions[k];
                if (q.Content.Any(c => c.Contains(m.Span)) && m != q.FrameSpeaker) continue;
                if (m.Form == MentionForm.Pronoun && m.Head is "it" or "we" or "i" && m != q.FrameSpeaker) continue;
                list.Add(m);
            }
        }
        if (q.FrameSpeaker is not null && !list.Contains(q.FrameSpeaker)) list.Add(q.FrameSpeaker);
        if (list.Count <= MaxCandidates) return list;
        // A crowded window (a list of names, text without sentence ends) keeps the nearest mentions, in text order:
        // one farther off never wins, and scoring each costs the ranker time.
        var nearest = list.Where(m => m != q.FrameSpeaker).OrderBy(m => Distance(m, q)).Take(MaxCandidates - 1).ToHashSet();
        return list.Where(m => m == q.FrameSpeaker || nearest.Contains(m)).ToList();
    }

    /// <summary>The most candidates one quote gets: far more than an article's nearby mentions ever are.</summary>
    public const int MaxCandidates = 40;

    /// <summary>Characters between a mention and the quote, the measure <c>distance_rank</c> orders candidates by.</summary>
    public static int Distance(Mention m, QuoteCandidate q) => Math.Min(Math.Abs(m.Span.End - q.Start), Math.Abs(m.Span.Start - q.End));

    /// <summary>The features of candidate <paramref name="m"/>, which stands for <paramref name="entity"/> (a pronoun's resolution for this quote).</summary>
    public static float[] Compute(Article a, QuoteCandidate q, Mention m, Entity? entity, Entity? previousSpeaker, int distanceRank, Token[] tokens)
    {
        var f = new float[Count];
        int qs = q.Sentence, ms = m.Sentence, qEndSentence = a.SentenceAt(q.End);
        bool before = m.Span.End <= q.Start;
        int tokenDistance = before
            ? a.TokenAtOrAfter(q.Start) - m.LastToken
            : m.FirstToken - a.TokenAtOrAfter(q.End);
        int sentenceDistance = before ? qs - ms : ms - qEndSentence;
        f[0] = m == q.FrameSpeaker ? 1 : 0;
        f[1] = ms >= qs && ms <= qEndSentence ? 1 : 0;
        f[2] = ms == qs - 1 ? 1 : 0;
        f[3] = ms == qEndSentence + 1 ? 1 : 0;
        f[4] = before ? sentenceDistance : -sentenceDistance;
        f[5] = a.Sentences[ms].Paragraph == q.Paragraph ? 1 : 0;
        f[6] = MathF.Log(1 + Math.Abs(tokenDistance));
        f[7] = before ? 1 : 0;
        f[8] = q.Content.Any(c => c.Contains(m.Span)) ? 1 : 0;
        f[9 + (int)m.Form] = 1;
        var kind = entity?.Kind ?? m.Kind;
        f[15] = kind == SpeakerKind.Person ? 1 : 0;
        f[16] = kind == SpeakerKind.Organization ? 1 : 0;
        f[17] = previousSpeaker is not null && entity == previousSpeaker ? 1 : 0;
        f[18] = MathF.Log(1 + (entity?.Mentions.Count ?? 1));
        f[19] = m.IsSentenceInitial ? 1 : 0;
        int next = m.LastToken + 1;
        f[20] = next < tokens.Length && tokens[next].Kind == TokenKind.Word && Lexicon.ReportingLemma(a.Slice(tokens[next])) is not null ? 1 : 0;
        f[21] = distanceRank;
        f[22] = q.Pattern != FramePattern.None ? 1 : 0;
        f[23] = q.Type == QuoteType.Direct ? 1 : 0;
        f[24] = q.Type == QuoteType.Indirect ? 1 : 0;
        f[25] = q.Type == QuoteType.Mixed ? 1 : 0;
        var mSentence = a.Sentences[ms];
        f[26] = mSentence.Span.End <= q.Start && a.Text[mSentence.Span.End - 1] == ':' ? 1 : 0;
        f[27] = entity?.Name.Contains(' ') == true ? 1 : 0;
        f[28] = q.Pattern is FramePattern.ContentSubjectCue or FramePattern.ContentCueSubject or FramePattern.DashTrailer ? 1 : 0;
        f[29] = q.Pattern is FramePattern.SubjectCueContent or FramePattern.Colon or FramePattern.AccordingTo ? 1 : 0;
        f[30] = a.Paragraphs[mSentence.Paragraph].IsTitle ? 1 : 0;
        f[31] = Math.Abs(q.Paragraph - mSentence.Paragraph);
        f[32] = m.Plural ? 1 : 0;
        // The hand-set score as one more feature: the ranker learns corrections to it instead of relearning it.
        f[33] = RuleSpeakerScorer.Instance.ScoreOne(f);
        return f;
    }
}
