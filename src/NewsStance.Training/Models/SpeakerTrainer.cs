using Microsoft.ML;
using Microsoft.ML.Trainers.FastTree;
using NewsStance.Internal;
using NewsStance.Internal.Mentions;
using NewsStance.Internal.Quotes;
using NewsStance.Internal.Reading;
using NewsStance.Internal.Speakers;
using NewsStance.Training.Data;

namespace NewsStance.Training.Models;

/// <summary>
/// One quote's candidates, their features and which is the gold speaker: -1 when none is (the ranker
/// does not learn from those, the confidence calibration counts them as wrong choices). <paramref name="Found"/>:
/// the quote finder found the quote itself (else the gold quote stands in), as it must for a confidence to be shown.
/// </summary>
internal sealed record SpeakerGroup(string ArticleId, List<float[]> Features, int Gold, bool Found);

/// <summary>
/// Trains the LambdaMART speaker ranker. Each gold quote becomes a group: the quote finder's own
/// candidate for it when one overlaps (so the ranker learns on what it will see), else the gold quote;
/// its candidate mentions are featurised exactly as at scoring time; the relevant one is the mention
/// overlapping the gold speaker span.
/// </summary>
internal sealed class SpeakerTrainer(MLContext ml)
{
    public static List<SpeakerGroup> BuildGroups(Corpus corpus)
    {
        var groups = new List<SpeakerGroup>();
        foreach (var byArticle in corpus.Quotes.GroupBy(q => q.ArticleId))
        {
            var text = corpus.Articles[byArticle.Key];
            // The same first stages as scoring, so the ranker learns on what it will see.
            var (article, mentions, entities, found) = ArticleAnalyzer.Analyze(byArticle.Key, text);
            var firstMention = SpeakerRanker.FirstMentionOfSentence(article, mentions);
            // Pair gold quotes with found ones by content overlap, then featurise in text order.
            var pairs = new List<(QuoteCandidate Quote, GoldQuote Gold, bool Found)>();
            foreach (var g in byArticle)
            {
                if (g.SpeakerSpan is null) continue;
                var match = found.Select(f => (f, j: Jaccard(f.Content, g.Content))).Where(x => x.j >= 0.3).OrderByDescending(x => x.j).FirstOrDefault().f;
                pairs.Add((match ?? FromGold(article, g), g, match is not null));
            }
            Entity? previous = null;
            foreach (var (q, g, isFound) in pairs.OrderBy(p => p.Quote.Start))
            {
                var candidates = SpeakerFeatures.Candidates(article, mentions, q, firstMention);
                int gold = -1, bestOverlap = 0;
                for (int i = 0; i < candidates.Count; i++)
                {
                    var c = candidates[i].Span;
                    int overlap = Math.Min(c.End, g.SpeakerSpan!.Value.End) - Math.Max(c.Start, g.SpeakerSpan.Value.Start);
                    if (overlap > bestOverlap) { bestOverlap = overlap; gold = i; }
                }
                if (candidates.Count == 0) continue;
                var features = SpeakerRanker.Featurize(article, q, candidates, previous, entities);
                groups.Add(new SpeakerGroup(byArticle.Key, features.Vectors, gold, isFound));
                if (gold >= 0) previous = features.Entities[gold] ?? previous;
            }
        }
        return groups;
    }

    private static QuoteCandidate FromGold(Article a, GoldQuote g)
    {
        int sentence = a.SentenceAt(g.Content[0].Start);
        return new QuoteCandidate
        {
            Type = g.Type, Content = g.Content, Sentence = sentence, Paragraph = a.Sentences[sentence].Paragraph, Cue = g.CueSpan, CueLemma = g.Cue,
        };
    }

    private static double Jaccard(IReadOnlyList<TextSpan> a, IReadOnlyList<TextSpan> b)
    {
        long inter = 0, sa = a.Sum(x => (long)x.Length), sb = b.Sum(x => (long)x.Length);
        foreach (var x in a) foreach (var y in b) inter += Math.Max(0, Math.Min(x.End, y.End) - Math.Max(x.Start, y.Start));
        return inter == 0 ? 0 : (double)inter / (sa + sb - inter);
    }

    public ITransformer Train(IReadOnlyList<SpeakerGroup> groups, int seed)
    {
        var rows = new List<SpeakerRow>();
        uint gid = 0;
        foreach (var g in groups.Where(g => g.Gold >= 0))
        {
            gid++;
            for (int i = 0; i < g.Features.Count; i++)
                rows.Add(new SpeakerRow { Label = i == g.Gold ? 1 : 0, GroupId = gid, Features = g.Features[i] });
        }
        var data = ml.Data.LoadFromEnumerable(rows);
        var keyed = ml.Transforms.Conversion.MapValueToKey("GroupId").Fit(data).Transform(data);
        var trainer = ml.Ranking.Trainers.FastTree(new FastTreeRankingTrainer.Options
        {
            LabelColumnName = "Label", FeatureColumnName = "Features", RowGroupColumnName = "GroupId",
            NumberOfTrees = 60, NumberOfLeaves = 8, MinimumExampleCountPerLeaf = 20, LearningRate = 0.1,
            NumberOfThreads = 1, Seed = seed,
        });
        return trainer.Fit(keyed);
    }

    /// <summary>Accuracy@1: the share of groups with a gold candidate whose top-scored candidate is it.</summary>
    public static double AccuracyAt1(IReadOnlyList<SpeakerGroup> all, ISpeakerScorer scorer)
    {
        var groups = all.Where(g => g.Gold >= 0).ToList();
        if (groups.Count == 0) return 0;
        int hits = 0;
        foreach (var g in groups)
        {
            var s = scorer.Score(g.Features);
            int best = 0;
            for (int i = 1; i < s.Length; i++) if (s[i] > s[best]) best = i;
            if (best == g.Gold) hits++;
        }
        return (double)hits / groups.Count;
    }
}
