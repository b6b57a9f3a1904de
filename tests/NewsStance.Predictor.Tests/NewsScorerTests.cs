using System.Text.Json;
using NewsStance.Tests.TestSupport;

namespace NewsStance.Tests;

public sealed class NewsScorerTests : IClassFixture<TinyStanceBundle>
{
    private readonly TinyStanceBundle _bundle;

    public NewsScorerTests(TinyStanceBundle bundle) => _bundle = bundle;

    /// <summary>Twenty different small articles, each with quotes of several kinds.</summary>
    private static string[] TwentyArticles() => Enumerable.Range(0, 20).Select(i =>
        $" date 2021-03-{i + 1:00} KYIV (Sputnik) - Finance Minister Lars Berg{i} said on Monday that the budget for year {2000 + i} would be balanced.\n" +
        $"\"We will not raise taxes on {i} families,\" he said, \"and the deficit will fall.\"\n" +
        $"Mayor Ana Ruiz{i} said the plan was \"dead on arrival\" for district {i}. The mayor added that {i} schools would close.\n" +
        $"The talks will resume in week {i}, officials said.").ToArray();

    private static string Snapshot(ArticleResult r) => JsonSerializer.Serialize(r);

    [Fact]
    public void Scorer_is_safe_across_threads()
    {
        // Given
        var articles = TwentyArticles();
        var scorer = NewsScorer.Create(new ScorerOptions { RulesOnly = true });
        var results = articles.Select((t, i) => scorer.Score($"a{i}", t)).ToArray();
        var sequential = results.Select(Snapshot).ToArray();

        // When
        var parallel = new string[articles.Length * 5];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            k => parallel[k] = Snapshot(scorer.Score($"a{k % articles.Length}", articles[k % articles.Length])));

        // Then
        for (int k = 0; k < parallel.Length; k++) Assert.Equal(sequential[k % articles.Length], parallel[k]);
        Assert.All(results, r => Assert.True(r.Quotes.Count >= 4, $"{r.ArticleId}: {r.Quotes.Count} quotes"));
        Assert.All(results, r => Assert.Contains(r.Quotes, q => q.Speaker?.Name.StartsWith("Lars Berg", StringComparison.Ordinal) == true));
    }

    [Fact]
    public void Scorer_with_a_model_bundle_is_safe_across_threads()
    {
        // Given
        var articles = TwentyArticles();
        var targets = new[] { StanceTarget.Parse("Budget|the budget|the plan") };
        using var scorer = NewsScorer.Create(new ScorerOptions { ModelDirectory = _bundle.Directory });
        var sequential = articles.Select((t, i) => Snapshot(scorer.Score($"a{i}", t, targets))).ToArray();

        // When
        var parallel = new string[articles.Length * 5];
        Parallel.For(0, parallel.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            k => parallel[k] = Snapshot(scorer.Score($"a{k % articles.Length}", articles[k % articles.Length], targets)));

        // Then
        for (int k = 0; k < parallel.Length; k++) Assert.Equal(sequential[k % articles.Length], parallel[k]);
        Assert.All(sequential, s => Assert.Contains("\"Target\":\"Budget\"", s));
    }

    [Fact]
    public void Result_carries_id_date_dateline_and_quotes_in_text_order()
    {
        // Given
        var text = TwentyArticles()[3];

        // When
        var result = Articles.Score(text, id: "kyiv-budget-3");

        // Then
        Assert.Equal("kyiv-budget-3", result.ArticleId);
        Assert.Equal("2021-03-04", result.Date);
        Assert.Equal("KYIV (Sputnik)", result.Dateline);
        Assert.Null(result.Title);
        Assert.True(result.Quotes.Count >= 4);
        var starts = result.Quotes.Select(q => q.ContentSpans[0].Start).ToArray();
        Assert.Equal(starts.Order(), starts);
        Assert.Equal(
            new[] { QuoteType.Indirect, QuoteType.Direct, QuoteType.Mixed },
            result.Quotes.Take(3).Select(q => q.Type));
    }

    [Fact]
    public void Quote_text_is_its_content_pieces_joined_by_a_space()
    {
        // Given
        const string text = "\"We will not raise taxes,\" Lars Berg said, \"and the deficit will fall.\"";

        // When
        var quote = Articles.Single(Articles.Score(text));

        // Then
        Assert.Equal(string.Join(" ", Articles.Pieces(text, quote)), quote.Text);
        Assert.Equal("We will not raise taxes and the deficit will fall.", quote.Text);
    }

    [Fact]
    public void Rules_only_scorer_has_no_model_and_no_stance()
    {
        // Given
        var scorer = NewsScorer.Create(new ScorerOptions { RulesOnly = true });

        // When
        var result = scorer.Score("x", "Lars Berg said that the mayor had failed the city badly.", [StanceTarget.Parse("the mayor")]);

        // Then
        Assert.Null(scorer.Model);
        Assert.Empty(Articles.Single(result).Stance);
    }

    [Fact]
    public void Model_bundle_gives_one_stance_entry_per_mentioned_target_with_scores_summing_to_one()
    {
        // Given
        using var scorer = NewsScorer.Create(new ScorerOptions { ModelDirectory = _bundle.Directory });
        const string text = "Lars Berg said that the mayor had failed the city and must resign.";
        var targets = new[] { StanceTarget.Parse("Ana Ruiz|the mayor"), StanceTarget.Parse("Tom Baker|the chief") };

        // When
        var quote = Articles.Single(scorer.Score("x", text, targets));

        // Then
        Assert.NotNull(scorer.Model);
        var stance = Assert.Single(quote.Stance);
        Assert.Equal("Ana Ruiz", stance.Target);
        Assert.Equal(new[] { "against", "favor", "neutral" }, stance.Scores.Keys.Order());
        Assert.Contains(stance.Label, stance.Scores.Keys);
        Assert.Equal(stance.Scores.Values.Max(), stance.Confidence);
        Assert.Equal(stance.Scores[stance.Label], stance.Confidence);
        Assert.InRange(stance.Scores.Values.Sum(), 0.99, 1.01);
    }

    [Fact]
    public void Quote_without_a_mentioned_target_gets_no_stance_entry()
    {
        // Given
        using var scorer = NewsScorer.Create(new ScorerOptions { ModelDirectory = _bundle.Directory });
        const string text = "Lars Berg said that the weather would improve by the weekend.";

        // When
        var quote = Articles.Single(scorer.Score("x", text, [StanceTarget.Parse("Ana Ruiz|the mayor")]));

        // Then
        Assert.Empty(quote.Stance);
    }

    [Fact]
    public void Null_arguments_are_rejected()
    {
        // Given
        var scorer = Articles.Rules;

        // Then
        Assert.Throws<ArgumentNullException>(() => scorer.Score(null!, "text"));
        Assert.Throws<ArgumentNullException>(() => scorer.Score("id", null!));
    }

    [Fact]
    public void Results_are_records_with_value_equality_on_spans()
    {
        // Given
        var a = new CueResult("said", new TextSpan(3, 7));
        var b = new CueResult("said", new TextSpan(3, 7));

        // Then
        Assert.Equal(a, b);
        Assert.NotEqual(a, a with { Span = new TextSpan(3, 8) });
        Assert.Equal(new SpeakerResult("he", new TextSpan(1, 3), "Tom Baker", SpeakerKind.Person, null, 0.9),
                     new SpeakerResult("he", new TextSpan(1, 3), "Tom Baker", SpeakerKind.Person, null, 0.9));
    }

    [Fact]
    public void FindNamedEntities_lists_people_and_organisations_with_aliases_and_quote_counts_but_no_places()
    {
        // Given
        const string text = "\"The board of the Northwind Group has ignored us for a year,\" union leader Ana Ruiz said in Velna on Monday.\n\n"
            + "Ruiz said that Tom Baker had broken every promise.\n";

        // When
        var found = NewsScorer.FindNamedEntities(text);

        // Then
        Assert.Equal(
            [new("Ana Ruiz", SpeakerKind.Person, ["Ruiz"], 2, 0), new("Northwind Group", SpeakerKind.Organization, [], 1, 1), new("Tom Baker", SpeakerKind.Person, [], 1, 1)],
            found.OrderBy(e => e.Name).Select(e => e with { Aliases = [.. e.Aliases] }).ToList(),
            new NamedEntityComparer());
    }

    [Fact]
    public void FindNamedEntities_leaves_out_the_datelines_city_and_outlet()
    {
        // Given
        const string text = " date 2024-05-02 BERLIN (Reuters) - Anna Berg said that the Northwind Group would pay the fine.\n";

        // When
        var names = NewsScorer.FindNamedEntities(text).Select(e => e.Name).Order().ToList();

        // Then
        Assert.Equal(["Anna Berg", "Northwind Group"], names);
    }

    private sealed class NamedEntityComparer : IEqualityComparer<NamedEntity>
    {
        public bool Equals(NamedEntity? x, NamedEntity? y)
            => x is not null && y is not null && (x with { Aliases = [] }) == (y with { Aliases = [] }) && x.Aliases.SequenceEqual(y.Aliases);

        public int GetHashCode(NamedEntity e) => e.Name.GetHashCode();
    }
}
