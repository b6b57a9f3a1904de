using Microsoft.Extensions.Logging;
using Microsoft.ML;
using Microsoft.ML.Data;
using NewsStance.Internal.Models;
using NewsStance.Internal.Stance;
using NewsStance.Tests.TestSupport;

namespace NewsStance.Tests.Stance;

/// <summary>
/// The C# n-gram stance scorer against ML.NET's prediction engine on the shipped <c>models/fast</c>: the
/// same scores to the bit on the project's corpus rows and on odd texts, and ML.NET itself when the C# scorer cannot be trusted.
/// </summary>
public sealed class LinearStanceScorerTests : IClassFixture<LinearStanceScorerTests.FastModel>
{
    /// <summary>models/fast's stance model, loaded once: the C# scorer, and an ML.NET engine to compare with.</summary>
    public sealed class FastModel : IDisposable
    {
        public MLContext Ml { get; } = new(seed: 0);
        public ITransformer Chain { get; }
        internal LinearStanceScorer Scorer { get; }
        internal PredictionEngine<StanceRow, StancePrediction> Engine { get; }

        public FastModel()
        {
            Chain = Ml.Model.Load(Path.Combine(RepoModels.Fast, "stance.zip"), out _);
            Scorer = new LinearStanceScorer(StanceTables.FromChain(Ml, Chain));
            Engine = Ml.Model.CreatePredictionEngine<StanceRow, StancePrediction>(Chain);
        }

        public void Dispose() => Engine.Dispose();
    }

    private readonly FastModel _model;

    public LinearStanceScorerTests(FastModel model) => _model = model;

    [Fact]
    public void The_shipped_fast_bundle_is_scored_in_csharp()
    {
        using var model = MlStanceModel.Load(Path.Combine(RepoModels.Fast, "stance.zip"), ModelCache.None);

        Assert.Null(model.FallbackReason);
        Assert.True(model.ScoresInCSharp);
    }

    [Fact]
    public void Scores_agree_with_MLNET_on_the_corpus_stance_rows()
    {
        // Given: every second row of the project's stance corpus, featurised as for scoring (target masked, cue lemma)
        var rows = CorpusRows().Where((_, i) => i % 2 == 0).ToList();
        Assert.True(rows.Count > 5000, $"only {rows.Count} corpus rows");

        // When / Then: the C# scorer takes all but the rare text with a character outside its exact set (Vietnamese
        // "Tết"), with ML.NET's scores to the bit and so the same label; its buffers reused from row to row, as an article's rows share them
        int labelled = 0, declined = 0;
        var buffers = new NgramBuffers();
        foreach (var row in rows)
        {
            var expected = _model.Engine.Predict(row).Score;
            var scores = new float[expected.Length];
            if (!_model.Scorer.TryScore(row, scores, buffers))
            {
                Assert.False(NgramText.IsExact(row.Text + row.Window + row.Negated), $"declined an exact text: {row.Text}");
                declined++;
                continue;
            }
            AssertClose(expected, scores, row.Text);
            if (Array.IndexOf(expected, expected.Max()) == Array.IndexOf(scores, scores.Max())) labelled++;
        }
        Assert.True(declined < rows.Count / 200, $"{declined} of {rows.Count} rows declined");
        Assert.Equal(rows.Count - declined, labelled);
    }

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("?!... — ;:")]
    [InlineData("“”‘’ «» --- …")]
    [InlineData("“Ça va,” said the minister — naïve, déjà vu, Erdoğan’s café, Łódź, Ångström.")]
    [InlineData("5% up, €3.2bn and £40m: 1,000,000 jobs in 2024/25")]
    [InlineData("tab\tand\nnewline\r\n  double  spaces ")]
    [InlineData("a|b pipe | in || text")]
    [InlineData("<html> &amp; @handle #tag $100 ^ ~ ` \\ {braces} [brackets]")]
    [InlineData("ALL CAPS SHOUTING ABOUT TARGET")]
    [InlineData("Москва заявила, что TARGET не прав.")]
    [InlineData("东京 says 😀 emoji \u0000 nul \u007f del \u0085 nel")]
    [InlineData("combining e\u0301 and \u2028 line separator")]
    public void Odd_texts_are_scored_as_MLNET_scores_them(string text)
    {
        foreach (var row in new[]
        {
            StanceFeaturizer.Build(text, "the minister", -1, -1, "said"),
            StanceFeaturizer.Build("the minister said " + text, "the minister", 0, 12, "claim"),
            new StanceRow { Text = text, Window = text, Negated = text, Cue = text, Polarity = new float[8] },
        })
        {
            var expected = _model.Engine.Predict(row).Score;
            var scores = new float[expected.Length];
            // A text the C# scorer declines goes to ML.NET (see the model tests below); one it takes must agree.
            if (_model.Scorer.TryScore(row, scores)) AssertClose(expected, scores, text);
            else Assert.False(NgramText.IsExact(row.Text + row.Window + row.Negated) && !(row.Text + row.Window).Contains('|'), $"declined an exact text: {text}");
        }
    }

    [Fact]
    public void A_very_long_text_gets_MLNETs_scores()
    {
        // Given: 20,000 words, whose n-gram counts' sum of squares is past float's exact integers
        var words = CorpusRows().Take(400).SelectMany(r => r.Text.Split(' ')).ToArray();
        var text = string.Join(' ', Enumerable.Range(0, 20_000).Select(i => words[i % words.Length]));
        var row = StanceFeaturizer.Build(text, "the council", -1, -1, "warned");
        using var model = MlStanceModel.Load(Path.Combine(RepoModels.Fast, "stance.zip"), ModelCache.None);

        // When
        var scores = new float[3];
        bool taken = _model.Scorer.TryScore(row, scores);
        var (_, modelScores) = model.PredictRow(row);

        // Then: the C# scorer, if it takes the text, and the model agree with ML.NET to the bit
        var expected = _model.Engine.Predict(row).Score;
        if (taken) AssertClose(expected, scores, "20,000 words");
        AssertClose(expected, modelScores, "20,000 words");
    }

    [Fact]
    public void Texts_the_csharp_scorer_declines_get_MLNETs_scores_from_the_model()
    {
        using var folder = new TempFolder();
        var cache = new ModelCache(folder.Path);
        MlStanceModel.Load(Path.Combine(RepoModels.Fast, "stance.zip"), cache).Dispose();
        // A warm start (tables from the cache): ML.NET is loaded for the declined text alone
        using var model = MlStanceModel.Load(Path.Combine(RepoModels.Fast, "stance.zip"), cache);
        Assert.True(model.ScoresInCSharp);
        Assert.False(model.MlNetLoaded);
        foreach (var text in new[] { "Москва заявила, что TARGET не прав.", "pipe|token here", "plain English words here" })
        {
            var row = StanceFeaturizer.Build(text, "the minister", -1, -1, "said");
            var expected = _model.Engine.Predict(row).Score;

            var (label, scores) = model.PredictRow(row);

            AssertClose(expected, scores, text);
            Assert.Equal(_model.Engine.Predict(row).PredictedLabel, label);
        }
    }

    [Fact]
    public void The_normaliser_matches_MLNET_for_every_character_it_takes()
    {
        // Given: every character IsExact accepts, each after a marker so a dropped one leaves the row in place
        var ml = new MLContext(seed: 0);
        var exact = Enumerable.Range(1, char.MaxValue).Select(i => (char)i).Where(NgramText.IsExact).ToArray();
        var data = ml.Data.LoadFromEnumerable(exact.Select(c => new TextRow { Text = "x" + c }));
        foreach (var keepPunctuation in new[] { false, true })
        {
            // When: ML.NET's normaliser with the stance featurizers' settings
            var normalized = ml.Transforms.Text.NormalizeText("Normalized", nameof(TextRow.Text), keepPunctuations: keepPunctuation)
                .Fit(data).Transform(data).GetColumn<ReadOnlyMemory<char>>("Normalized").Select(m => m.ToString()).ToArray();

            // Then: the same text from NgramText
            var differing = exact.Where((c, i) => NgramText.Normalize("x" + c, keepPunctuation) != normalized[i]).Select(c => $"U+{(int)c:X4}").ToList();
            Assert.True(differing.Count == 0, $"keepPunctuation {keepPunctuation}: {string.Join(' ', differing.Take(20))}");
        }
    }

    [Fact]
    public void A_scorer_that_disagrees_with_MLNET_is_reported()
    {
        var probes = LinearStanceScorer.Probes();
        var expected = probes.Select(row => _model.Engine.Predict(row).Score).ToList();

        var agreeing = _model.Scorer.Disagreement(probes, expected);
        // One float step on one class of one row is a disagreement
        var shifted = _model.Scorer.Disagreement(probes, [.. expected.Select((e, i) => e.Select((s, k) => i == 3 && k == 0 ? MathF.BitIncrement(s) : s).ToArray())]);

        Assert.Null(agreeing);
        Assert.NotNull(shifted);
        Assert.Contains("ML.NET has", shifted);
    }

    [Fact]
    public void A_chain_of_another_shape_falls_back_to_MLNET_and_says_why()
    {
        // Given: a real bundle whose stance chain the C# scorer does not know (text features and polarity only)
        using var bundle = new TinyStanceBundle();
        using var recorder = new LogRecorder();
        using var factory = LoggerFactory.Create(b => b.AddProvider(recorder));

        // When
        using var scorer = NewsScorer.Create(new ScorerOptions { ModelDirectory = bundle.Directory, LoggerFactory = factory });
        var result = scorer.Score("a", "The mayor said: \"The new budget is a disaster for this city.\"", [StanceTarget.Parse("the budget|budget")]);

        // Then: a warning with the reason, and stance still scored (by ML.NET)
        var warning = Assert.Single(recorder.Entries, e => e.Event.Id == 5);
        Assert.Equal(LogLevel.Warning, warning.Level);
        Assert.Contains("prediction engine", warning.Message);
        Assert.Contains(result.Quotes, q => q.Stance.Count > 0);
    }

    private static void AssertClose(float[] expected, float[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
            Assert.True(BitConverter.SingleToInt32Bits(expected[k]) == BitConverter.SingleToInt32Bits(actual[k]),
                $"class {k}: {actual[k]:R} where ML.NET has {expected[k]:R}, for \"{(what.Length > 80 ? what[..80] : what)}\"");
    }

    /// <summary>training-data/stance.csv, the project's own corpus, as the scorer sees it.</summary>
    private static IEnumerable<StanceRow> CorpusRows()
    {
        var csv = Path.Combine(Path.GetDirectoryName(Path.GetDirectoryName(RepoModels.Fast))!, "training-data", "stance.csv");
        var lines = CsvText.Parse(File.ReadAllText(csv));
        var header = lines[0].ToList();
        int text = header.IndexOf("text"), target = header.IndexOf("target"), start = header.IndexOf("target_start"),
            end = header.IndexOf("target_end"), cue = header.IndexOf("cue");
        foreach (var r in lines.Skip(1))
        {
            int s = int.TryParse(r[start], out var a) ? a : -1, e = int.TryParse(r[end], out var b) ? b : -1;
            yield return StanceFeaturizer.Build(r[text], r[target].Length > 0 ? r[target] : null, s, e, r[cue]);
        }
    }

    private sealed class TextRow
    {
        public string Text { get; set; } = "";
    }
}
