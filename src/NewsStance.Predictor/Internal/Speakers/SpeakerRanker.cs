using System.Buffers;
using NewsStance.Internal.Mentions;
using NewsStance.Internal.Quotes;
using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Speakers;

/// <summary>A quote's chosen speaker: the mention nearest the quote and the entity it resolves to.</summary>
internal sealed record SpeakerChoice(Mention Mention, Entity? Entity, double Confidence);

/// <summary>One quote's candidate feature vectors and the entity each candidate resolves to, in candidate order.</summary>
internal sealed record CandidateFeatures(List<float[]> Vectors, Entity?[] Entities);

/// <summary>
/// Chooses each quote's speaker among nearby mentions with an <see cref="ISpeakerScorer"/>, in text
/// order so that the previous quote's speaker can inform the next, resolving pronouns for each quote.
/// The confidence is <paramref name="calibration"/>'s probability that the choice is right when there is
/// one, else the softmax share of the top score.
/// </summary>
internal sealed class SpeakerRanker(ISpeakerScorer scorer, SpeakerCalibration? calibration = null)
{
    public ISpeakerScorer Scorer { get; } = scorer;

    public List<SpeakerChoice?> Choose(Article a, IReadOnlyList<Mention> mentions, EntityResolver resolver, IReadOnlyList<QuoteCandidate> quotes)
    {
        var firstMention = FirstMentionOfSentence(a, mentions);
        var result = new List<SpeakerChoice?>(quotes.Count);
        // One buffer for a quote's candidates, their vectors row after row, reused for every quote of the article:
        // an array per candidate was most of what attribution allocated.
        const int width = SpeakerFeatures.Count;
        var vectors = ArrayPool<float>.Shared.Rent(SpeakerFeatures.MaxCandidates * width);
        var entities = new Entity?[SpeakerFeatures.MaxCandidates];
        Span<float> scores = stackalloc float[SpeakerFeatures.MaxCandidates];
        try
        {
            Entity? previous = null;
            foreach (var q in quotes)
            {
                var candidates = SpeakerFeatures.Candidates(a, mentions, q, firstMention);
                if (candidates.Count == 0) { result.Add(null); continue; }
                Featurize(a, q, candidates, previous, resolver, entities, vectors);
                int n = candidates.Count, best = 0;
                for (int i = 0; i < n; i++) scores[i] = Scorer.ScoreOne(vectors.AsSpan(i * width, width));
                for (int i = 1; i < n; i++) if (scores[i] > scores[best]) best = i;
                var entity = entities[best];
                result.Add(new SpeakerChoice(candidates[best], entity, Confidence(scores[..n], best, vectors.AsSpan(best * width, width))));
                previous = entity ?? previous;
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(vectors);
        }
        return result;
    }

    /// <summary>
    /// Feature vectors for the candidates of one quote (used to build training data), and the entity each
    /// candidate stands for: pronouns resolved for this quote (the previous speaker matters), without changing them.
    /// </summary>
    public static CandidateFeatures Featurize(Article a, QuoteCandidate q, List<Mention> candidates, Entity? previous, EntityResolver resolver)
    {
        var entities = new Entity?[candidates.Count];
        var rows = new float[candidates.Count * SpeakerFeatures.Count];
        Featurize(a, q, candidates, previous, resolver, entities, rows);
        var vectors = new List<float[]>(candidates.Count);
        for (int i = 0; i < candidates.Count; i++) vectors.Add(rows.AsSpan(i * SpeakerFeatures.Count, SpeakerFeatures.Count).ToArray());
        return new CandidateFeatures(vectors, entities);
    }

    /// <summary>
    /// Writes each candidate's entity to <paramref name="entities"/> and its features to row i of
    /// <paramref name="vectors"/> (<see cref="SpeakerFeatures.Count"/> values a row): what scoring and training both read.
    /// </summary>
    private static void Featurize(Article a, QuoteCandidate q, List<Mention> candidates, Entity? previous, EntityResolver resolver, Span<Entity?> entities, Span<float> vectors)
    {
        int n = candidates.Count;
        for (int i = 0; i < n; i++)
        {
            var c = candidates[i];
            entities[i] = c.Form == MentionForm.Pronoun ? resolver.ResolvePronoun(c, previous) : resolver.EntityOf(c);
        }
        // distance_rank: a candidate's place when they are ordered by distance, ties in candidate order (a stable sort).
        Span<int> distance = stackalloc int[n];
        for (int i = 0; i < n; i++) distance[i] = SpeakerFeatures.Distance(candidates[i], q);
        for (int i = 0; i < n; i++)
        {
            int rank = 0;
            for (int j = 0; j < n; j++)
                if (distance[j] < distance[i] || distance[j] == distance[i] && j < i) rank++;
            SpeakerFeatures.Compute(a, q, candidates[i], entities[i], previous, rank, a.Tokens, vectors.Slice(i * SpeakerFeatures.Count, SpeakerFeatures.Count));
        }
    }

    public static int[] FirstMentionOfSentence(Article a, IReadOnlyList<Mention> mentions)
    {
        var first = new int[a.Sentences.Count + 1];
        int k = 0;
        for (int s = 0; s <= a.Sentences.Count; s++)
        {
            while (k < mentions.Count && mentions[k].Sentence < s) k++;
            first[s] = k;
        }
        return first;
    }

    /// <summary>The confidence in candidate <paramref name="best"/> (features <paramref name="top"/>): calibrated when the ranker has a calibration.</summary>
    public double Confidence(ReadOnlySpan<float> scores, int best, ReadOnlySpan<float> top) =>
        calibration?.Confidence(scores, best, top) ?? SpeakerCalibration.Softmax(scores, best);
}
