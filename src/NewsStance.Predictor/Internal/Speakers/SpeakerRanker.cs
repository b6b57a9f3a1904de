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
        Entity? previous = null;
        foreach (var q in quotes)
        {
            var candidates = SpeakerFeatures.Candidates(a, mentions, q, firstMention);
            if (candidates.Count == 0) { result.Add(null); continue; }
            var features = Featurize(a, q, candidates, previous, resolver);
            var scores = Scorer.Score(features.Vectors);
            int best = 0;
            for (int i = 1; i < scores.Length; i++) if (scores[i] > scores[best]) best = i;
            var entity = features.Entities[best];
            result.Add(new SpeakerChoice(candidates[best], entity, Confidence(scores, best, features.Vectors[best])));
            previous = entity ?? previous;
        }
        return result;
    }

    /// <summary>
    /// Feature vectors for the candidates of one quote (also used to build training data), and the entity each
    /// candidate stands for: pronouns resolved for this quote (the previous speaker matters), without changing them.
    /// </summary>
    public static CandidateFeatures Featurize(Article a, QuoteCandidate q, List<Mention> candidates, Entity? previous, EntityResolver resolver)
    {
        var entities = candidates.Select(c => c.Form == MentionForm.Pronoun ? resolver.ResolvePronoun(c, previous) : resolver.EntityOf(c)).ToArray();
        var order = candidates.Select((m, i) => (i, d: SpeakerFeatures.Distance(m, q)))
                              .OrderBy(x => x.d).Select(x => x.i).ToArray();
        var rank = new int[candidates.Count];
        for (int r = 0; r < order.Length; r++) rank[order[r]] = r;
        var vectors = new List<float[]>(candidates.Count);
        for (int i = 0; i < candidates.Count; i++)
            vectors.Add(SpeakerFeatures.Compute(a, q, candidates[i], entities[i], previous, rank[i], a.Tokens));
        return new CandidateFeatures(vectors, entities);
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
    public double Confidence(float[] scores, int best, float[] top) =>
        calibration?.Confidence(scores, best, top) ?? SpeakerCalibration.Softmax(scores, best);
}
