using BenchmarkDotNet.Attributes;
using NewsStance.Internal.Mentions;
using NewsStance.Internal.Quotes;
using NewsStance.Internal.Reading;

namespace NewsStance.Bench;

/// <summary>
/// The pipeline stages one at a time, and the whole rules-only scorer, on a typical and a long article.
/// Each stage gets the previous stages' output precomputed in setup, so it is measured alone.
/// </summary>
[MemoryDiagnoser]
public class PipelineBenchmarks
{
    private string _text = "";
    private Article _article = null!;
    private List<Mention> _mentions = null!;
    private NewsScorer _scorer = null!;

    [Params(BenchArticles.Typical, BenchArticles.Long)]
    public string Article { get; set; } = BenchArticles.Typical;

    [GlobalSetup]
    public void Setup()
    {
        _text = BenchArticles.Get(Article);
        _article = ArticleReader.Read("bench", _text);
        _mentions = MentionFinder.Find(_article);
        _scorer = NewsScorer.Create(new ScorerOptions { RulesOnly = true });
        Console.WriteLine($"// {Article}: {_text.Length} chars, {_text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Length} words, "
            + $"{_article.Sentences.Count} sentences, {_article.Tokens.Length} tokens, {_mentions.Count} mentions, "
            + $"{QuoteFinder.Find(_article, _mentions).Count} quotes");
    }

    [GlobalCleanup]
    public void Cleanup() => _scorer.Dispose();

    [Benchmark(Description = "ArticleReader.Read")]
    public object Read() => ArticleReader.Read("bench", _text);

    [Benchmark(Description = "MentionFinder.Find")]
    public object FindMentions() => MentionFinder.Find(_article);

    [Benchmark(Description = "QuoteFinder.Find")]
    public object FindQuotes() => QuoteFinder.Find(_article, _mentions);

    [Benchmark(Description = "NewsScorer.Score(rules-only)")]
    public ArticleResult Score() => _scorer.Score("bench", _text);
}
