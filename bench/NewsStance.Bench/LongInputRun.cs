using System.Diagnostics;
using NewsStance.Internal;
using NewsStance.Internal.Mentions;
using NewsStance.Internal.Quotes;
using NewsStance.Internal.Reading;
using NewsStance.Internal.Speakers;

namespace NewsStance.Bench;

/// <summary>
/// Times each pipeline stage on <see cref="LongInputs"/> from 10 KB to 2 MB and prints milliseconds
/// per KB side by side: a linear pipeline prints about the same number in every column of a row.
/// A shape whose run passes the time limit is not run at the larger sizes.
/// </summary>
public static class LongInputRun
{
    public static int Run(int[] sizesKb, double limitSeconds, string[] shapes)
    {
        var pipeline = new ArticlePipeline(RuleSpeakerScorer.Instance, null);
        var ranker = new SpeakerRanker(RuleSpeakerScorer.Instance);
        // Warm up the JIT on small inputs of each shape (tiered compilation optimises a method after some
        // 30 calls, in the background), so the first column is not mostly compilation.
        for (int i = 0; i < 40; i++)
            foreach (var shape in shapes) pipeline.Run("warm", LongInputs.Build(shape, 4096), null);
        Thread.Sleep(500);

        Console.WriteLine($"ms per KB (rules-only, one thread); sizes {string.Join(", ", sizesKb.Select(k => k + " KB"))}; limit {limitSeconds} s per run");
        Console.WriteLine($"{"shape",-20} {"stage",-10} " + string.Join(" ", sizesKb.Select(k => $"{k + " KB",10}")));
        foreach (var shape in shapes)
        {
            var rows = new Dictionary<string, List<string>>();
            string[] stages = ["read", "mentions", "entities", "quotes", "speakers", "total", "quotes#"];
            foreach (var s in stages) rows[s] = [];
            bool over = false;
            foreach (var kb in sizesKb)
            {
                if (over) { foreach (var s in stages) rows[s].Add("skipped"); continue; }
                var text = LongInputs.Build(shape, kb * 1024);
                // The faster of two runs: the first may still be running code the JIT has not optimised.
                var (tRead, tMentions, tEntities, tQuotes, tSpeakers, tTotal, quoteCount) = Measure(pipeline, ranker, shape, text);
                if (tTotal / 1000 < limitSeconds / 4)
                {
                    var again = Measure(pipeline, ranker, shape, text);
                    if (again.Total < tTotal) (tRead, tMentions, tEntities, tQuotes, tSpeakers, tTotal, quoteCount) = again;
                }
                double perKb(double ms) => ms / (text.Length / 1024.0);
                rows["read"].Add(F(perKb(tRead)));
                rows["mentions"].Add(F(perKb(tMentions - tRead)));
                rows["entities"].Add(F(perKb(tEntities - tMentions)));
                rows["quotes"].Add(F(perKb(tQuotes - tEntities)));
                rows["speakers"].Add(F(perKb(tSpeakers - tQuotes)));
                rows["total"].Add(F(perKb(tTotal)));
                rows["quotes#"].Add(quoteCount.ToString());
                over = (tSpeakers + tTotal) / 1000 > limitSeconds;
            }
            foreach (var s in stages)
                Console.WriteLine($"{shape,-20} {s,-10} " + string.Join(" ", rows[s].Select(v => $"{v,10}")));
        }
        return 0;
    }

    /// <summary>Cumulative milliseconds after each stage, then the whole pipeline call on its own.</summary>
    private static (double Read, double Mentions, double Entities, double Quotes, double Speakers, double Total, int QuoteCount) Measure(
        ArticlePipeline pipeline, SpeakerRanker ranker, string id, string text)
    {
        var sw = Stopwatch.StartNew();
        var article = ArticleReader.Read(id, text);
        var tRead = sw.Elapsed.TotalMilliseconds;
        var mentions = MentionFinder.Find(article);
        var tMentions = sw.Elapsed.TotalMilliseconds;
        var resolver = new EntityResolver(mentions, article);
        var tEntities = sw.Elapsed.TotalMilliseconds;
        var quotes = QuoteFinder.Find(article, mentions);
        var tQuotes = sw.Elapsed.TotalMilliseconds;
        ranker.Choose(article, mentions, resolver, quotes);
        var tSpeakers = sw.Elapsed.TotalMilliseconds;
        // The whole call again from scratch (the stages above plus building the result).
        var whole = Stopwatch.StartNew();
        pipeline.Run(id, text, null);
        return (tRead, tMentions, tEntities, tQuotes, tSpeakers, whole.Elapsed.TotalMilliseconds, quotes.Count);
    }

    private static string F(double v) => v.ToString(v < 10 ? "0.000" : "0.0");
}
