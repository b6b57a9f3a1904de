using NewsStance.Internal.Mentions;
using NewsStance.Internal.Quotes;
using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Speakers;

/// <summary>
/// The features of one (quote, candidate mention) pair. They are data, not rules: the hand-set
/// <see cref="RuleSpeakerScorer"/> weighs them, and the trained ranker learns from the same vector.
/// Each feature is declared once, in <see cref="All"/>: its name, its place in the vector, its rule weight
/// and how it is computed cannot drift apart.
/// </summary>
internal static class SpeakerFeatures
{
    /// <summary>One feature: its name (recorded in the model manifest), its weight in the rule score, and its value.</summary>
    public sealed record Feature(string Name, float RuleWeight, FeatureValue Value);

    /// <summary>A feature's value for one pair (passed by reference: the pair is a struct, made once per candidate).</summary>
    public delegate float FeatureValue(in Pair pair);

    /// <summary>
    /// The features in vector order. The order and the names are those the shipped bundles' manifests record
    /// ("speaker.features"): their trained rankers split on these slots, so a feature is only ever added at the end.
    /// </summary>
    public static readonly IReadOnlyList<Feature> All =
    [
        new("frame_subject", 10f, (in Pair p) => Flag(p.Mention == p.Quote.FrameSpeaker)),
        new("same_sentence", 2f, (in Pair p) => Flag(p.MentionSentence >= p.Quote.Sentence && p.MentionSentence <= p.QuoteEndSentence)),
        new("previous_sentence", 1.2f, (in Pair p) => Flag(p.MentionSentence == p.Quote.Sentence - 1)),
        new("next_sentence", -0.5f, (in Pair p) => Flag(p.MentionSentence == p.QuoteEndSentence + 1)),
        new("sentence_distance", 0f, (in Pair p) => p.Before ? p.SentenceDistance : -p.SentenceDistance),
        new("same_paragraph", 0.8f, (in Pair p) => Flag(p.MentionParagraph == p.Quote.Paragraph)),
        new("log_token_distance", -0.6f, (in Pair p) => MathF.Log(1 + Math.Abs(p.TokenDistance))),
        new("before_quote", 0f, (in Pair p) => Flag(p.Before)),
        new("inside_quote", -6f, (in Pair p) => Flag(InsideQuote(p.Quote, p.Mention))),
        new("form_name", 0.3f, (in Pair p) => Flag(p.Mention.Form == MentionForm.Name)),
        new("form_pronoun", 0.2f, (in Pair p) => Flag(p.Mention.Form == MentionForm.Pronoun)),
        new("form_role", 0f, (in Pair p) => Flag(p.Mention.Form == MentionForm.RoleNoun)),
        new("form_anonymous", 0f, (in Pair p) => Flag(p.Mention.Form == MentionForm.Anonymous)),
        new("form_document", -0.5f, (in Pair p) => Flag(p.Mention.Form == MentionForm.Document)),
        new("form_org_noun", -0.3f, (in Pair p) => Flag(p.Mention.Form == MentionForm.OrganizationNoun)),
        new("kind_person", 0.8f, (in Pair p) => Flag(p.Kind == SpeakerKind.Person)),
        new("kind_org", 0f, (in Pair p) => Flag(p.Kind == SpeakerKind.Organization)),
        new("previous_speaker", 1.5f, (in Pair p) => Flag(p.PreviousSpeaker is not null && p.Entity == p.PreviousSpeaker)),
        new("log_entity_mentions", 0f, (in Pair p) => MathF.Log(1 + (p.Entity?.Mentions.Count ?? 1))),
        new("sentence_initial", 0.8f, (in Pair p) => Flag(p.Mention.IsSentenceInitial)),
        new("followed_by_cue", 2.5f, (in Pair p) => Flag(FollowedByCue(p))),
        new("distance_rank", 0f, (in Pair p) => p.DistanceRank),
        new("quote_has_frame", 0f, (in Pair p) => Flag(p.Quote.Pattern != FramePattern.None)),
        new("type_direct", 0f, (in Pair p) => Flag(p.Quote.Type == QuoteType.Direct)),
        new("type_indirect", 0f, (in Pair p) => Flag(p.Quote.Type == QuoteType.Indirect)),
        new("type_mixed", 0f, (in Pair p) => Flag(p.Quote.Type == QuoteType.Mixed)),
        new("colon_intro", 2f, (in Pair p) => Flag(p.MentionSentenceSpan.End <= p.Quote.Start && p.Article.Text[p.MentionSentenceSpan.End - 1] == ':')),
        new("has_full_name", 0f, (in Pair p) => Flag(p.Entity?.Name.Contains(' ') == true)),
        new("pattern_trailer", 0f, (in Pair p) => Flag(p.Quote.Pattern is FramePattern.ContentSubjectCue or FramePattern.ContentCueSubject or FramePattern.DashTrailer)),
        new("pattern_subject_first", 0f, (in Pair p) => Flag(p.Quote.Pattern is FramePattern.SubjectCueContent or FramePattern.Colon or FramePattern.AccordingTo)),
        new("in_title", -1f, (in Pair p) => Flag(p.Article.Paragraphs[p.MentionParagraph].IsTitle)),
        new("paragraph_distance", -0.7f, (in Pair p) => Math.Abs(p.Quote.Paragraph - p.MentionParagraph)),
        new("mention_plural", 0f, (in Pair p) => Flag(p.Mention.Plural)),
        // The hand-set score as one more feature: the ranker learns corrections to it instead of relearning it.
        // Computed last, from the features before it (its own slot is still 0, and it weighs 0 in itself).
        new("rule_score", 0f, (in Pair p) => RuleSpeakerScorer.Instance.ScoreOne(p.Vector)),
    ];

    /// <summary>The width of the feature vector: the number of features in <see cref="All"/> (checked when the class loads).</summary>
    public const int Count = 34;

    /// <summary>Feature names, in vector order (recorded in the model manifest).</summary>
    public static readonly string[] Names = All.Count == Count
        ? All.Select(f => f.Name).ToArray()
        : throw new InvalidOperationException($"SpeakerFeatures declares {All.Count} features but Count says {Count}: make them agree.");

    /// <summary>The place of the feature called <paramref name="name"/> in the vector.</summary>
    public static int IndexOf(string name)
    {
        int i = Array.IndexOf(Names, name);
        return i >= 0 ? i : throw new ArgumentException($"no speaker feature is called '{name}'", nameof(name));
    }

    /// <summary>
    /// What the features of one (quote, candidate) pair are computed from, with the measures several share. A ref struct:
    /// the vector it reads is a row of the ranker's buffer, not an array of its own.
    /// </summary>
    public readonly ref struct Pair
    {
        public required Article Article { get; init; }
        public required QuoteCandidate Quote { get; init; }
        public required Mention Mention { get; init; }

        /// <summary>The entity the mention stands for (a pronoun's resolution for this quote).</summary>
        public required Entity? Entity { get; init; }

        public required Entity? PreviousSpeaker { get; init; }
        public required int DistanceRank { get; init; }
        public required Token[] Tokens { get; init; }

        /// <summary>The vector being filled, in order: a feature may read those declared before it.</summary>
        public required ReadOnlySpan<float> Vector { get; init; }

        public int MentionSentence => Mention.Sentence;
        public required int QuoteEndSentence { get; init; }
        public required bool Before { get; init; }
        public required int TokenDistance { get; init; }
        public required int SentenceDistance { get; init; }
        public TextSpan MentionSentenceSpan => Article.Sentences[MentionSentence].Span;
        public int MentionParagraph => Article.Sentences[MentionSentence].Paragraph;
        public SpeakerKind Kind => Entity?.Kind ?? Mention.Kind;
    }

    private static float Flag(bool value) => value ? 1 : 0;

    // An indexed loop, not Any with a lambda nor foreach: asked of every mention near every quote, the closure and the
    // boxed enumerator of the content list were allocations each time.
    private static bool InsideQuote(QuoteCandidate q, Mention m)
    {
        var content = q.Content;
        for (int i = 0; i < content.Count; i++) if (content[i].Contains(m.Span)) return true;
        return false;
    }

    private static bool FollowedByCue(in Pair p)
    {
        int next = p.Mention.LastToken + 1;
        return next < p.Tokens.Length && p.Tokens[next].Kind == TokenKind.Word && Lexicon.ReportingLemma(p.Article.Slice(p.Tokens[next])) is not null;
    }

    /// <summary>The candidate mentions for a quote: nearby sentences, never inside the quote's own content.</summary>
    public static List<Mention> Candidates(Article a, IReadOnlyList<Mention> mentions, QuoteCandidate q, int[] firstMentionOfSentence)
    {
        int from = Math.Max(0, q.Sentence - 4);
        int lastSentence = a.SentenceAt(q.End);
        int to = Math.Min(a.Sentences.Count - 1, lastSentence + 1);
        // Room for every mention of the window and the frame's subject: one array, not one per doubling.
        var list = new List<Mention>(Math.Max(0, firstMentionOfSentence[to + 1] - firstMentionOfSentence[from]) + 1);
        for (int s = from; s <= to; s++)
        {
            for (int k = firstMentionOfSentence[s]; k < mentions.Count && mentions[k].Sentence == s; k++)
            {
                var m = mentions[k];
                if (InsideQuote(q, m) && m != q.FrameSpeaker) continue;
                if (m.Form == MentionForm.Pronoun && m.Head is "it" or "we" or "i" && m != q.FrameSpeaker) continue;
                if (IsOpeningDocument(m)) continue;
                list.Add(m);
            }
        }
        if (q.FrameSpeaker is not null && !IsOpeningDocument(q.FrameSpeaker) && !list.Contains(q.FrameSpeaker)) list.Add(q.FrameSpeaker);
        if (list.Count <= MaxCandidates) return list;
        // A crowded window (a list of names, text without sentence ends) keeps the nearest mentions, in text order:
        // one farther off never wins, and scoring each costs the ranker time.
        var nearest = list.Where(m => m != q.FrameSpeaker).OrderBy(m => Distance(m, q)).Take(MaxCandidates - 1).ToHashSet();
        return list.Where(m => m == q.FrameSpeaker || nearest.Contains(m)).ToList();
    }

    /// <summary>
    /// "In a statement released on Monday, the union said …": a document in the sentence's opening phrase carries the words,
    /// the subject after it says them. Never a candidate, even when a frame takes it for the sentence's subject.
    /// </summary>
    private static bool IsOpeningDocument(Mention m) => m.Form == MentionForm.Document && m.InOpeningPhrase;

    /// <summary>The most candidates one quote gets: far more than an article's nearby mentions ever are.</summary>
    public const int MaxCandidates = 40;

    /// <summary>Characters between a mention and the quote, the measure <c>distance_rank</c> orders candidates by.</summary>
    public static int Distance(Mention m, QuoteCandidate q) => Math.Min(Math.Abs(m.Span.End - q.Start), Math.Abs(m.Span.Start - q.End));

    /// <summary>
    /// Writes the features of candidate <paramref name="m"/>, which stands for <paramref name="entity"/> (a pronoun's
    /// resolution for this quote), to <paramref name="vector"/> (<see cref="Count"/> values; what it held is cleared first).
    /// </summary>
    public static void Compute(Article a, QuoteCandidate q, Mention m, Entity? entity, Entity? previousSpeaker, int distanceRank, Token[] tokens, Span<float> vector)
    {
        vector = vector[..Count];
        // Cleared, as a new array was: rule_score reads the whole vector, its own slot (weight 0) still 0.
        vector.Clear();
        int qEndSentence = a.SentenceAt(q.End);
        bool before = m.Span.End <= q.Start;
        var pair = new Pair
        {
            Article = a, Quote = q, Mention = m, Entity = entity, PreviousSpeaker = previousSpeaker, DistanceRank = distanceRank,
            Tokens = tokens, Vector = vector, QuoteEndSentence = qEndSentence, Before = before,
            TokenDistance = before ? a.TokenAtOrAfter(q.Start) - m.LastToken : m.FirstToken - a.TokenAtOrAfter(q.End),
            SentenceDistance = before ? q.Sentence - m.Sentence : m.Sentence - qEndSentence,
        };
        for (int j = 0; j < vector.Length; j++) vector[j] = All[j].Value(in pair);
    }
}
