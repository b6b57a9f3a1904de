using Microsoft.ML;
using Microsoft.ML.Data;
using NewsStance.Internal;
using NewsStance.Internal.Models;
using NewsStance.Semantic;
using NewsStance.Training.Data;
using NewsStance.Training.Reports;
using Spectre.Console;

namespace NewsStance.Training.Models;

/// <summary>
/// Trains the stance classifier over the n-gram features of <see cref="StanceTrainer"/> plus sentence
/// embeddings (<see cref="SemanticFeaturizer"/>) as one more feature column. Every text is embedded
/// once; the cross-validation folds and the final model reuse the vectors.
/// </summary>
internal sealed class SemanticStanceTrainer
{
    /// <summary>The values of <c>--features</c>.</summary>
    public static readonly string[] FeatureNames = ["ngram", "semantic-minilm", "semantic-arcticxs", "encoder-arcticxs", "encoder-minilm"];

    /// <summary>
    /// What <c>--features</c> defaults to: the features of the shipped <c>models/default</c>, the better stance
    /// model on real news (docs/semantic-stance.md); <c>ngram</c> builds <c>models/fast</c>.
    /// </summary>
    public const string DefaultFeatures = "semantic-arcticxs";

    /// <summary>
    /// What <c>--encoder-layers</c> defaults to for semantic features: the vectors are taken after the encoder's
    /// fifth layer of six, which costs a sixth less of the encoder's arithmetic. The linear stance head does at least
    /// as well on them as on the last layer's, on the project's held-out rows and on real news; fewer layers cost
    /// real-news macro-F1 (docs/semantic-stance.md). An encoder whose graph cannot be cut (MiniLM) runs all its layers.
    /// </summary>
    public const int DefaultLayers = 5;

    /// <summary>The layers <paramref name="model"/>'s vectors are taken after when <c>--encoder-layers</c> is not given.</summary>
    public static int DefaultLayersOf(SentenceModel model) => model.CanRun(DefaultLayers) ? DefaultLayers : model.Layers;

    private readonly MLContext _ml;
    private readonly StanceTrainer _ngram;

    /// <param name="ml">The ML.NET context.</param>
    /// <param name="features">A <c>semantic-*</c> value of <see cref="FeatureNames"/>.</param>
    /// <param name="embedder">Embeds the texts; default the packaged encoder cut to <paramref name="layers"/>.</param>
    /// <param name="layers">Encoder layers the vectors are taken after (recorded in the bundle, which the loader runs alike); default <see cref="DefaultLayersOf"/>.</param>
    public SemanticStanceTrainer(MLContext ml, string features, ITextEmbedder? embedder = null, int? layers = null)
    {
        _ml = ml;
        _ngram = new StanceTrainer(ml);
        Features = features;
        Model = SentenceModel.ForFeatures(features) ?? throw new ArgumentException($"unknown features '{features}'; expected one of {string.Join(", ", FeatureNames)}");
        Layers = layers ?? DefaultLayersOf(Model);
        if (!Model.CanRun(Layers)) throw new ArgumentOutOfRangeException(nameof(layers), Layers, $"{Model.Name} cannot give its vectors after layer {Layers}");
        Featurizer = new SemanticFeaturizer(embedder ?? EmbeddingCache.Wrap(SentenceEmbedder.Shared(Model, Layers)));
    }

    /// <summary>Encoder layers the vectors are taken after.</summary>
    public int Layers { get; }

    public string Features { get; }
    public SentenceModel Model { get; }
    public SemanticFeaturizer Featurizer { get; }

    public Dictionary<string, string> FeatureSettings
    {
        get
        {
            var settings = StanceTrainer.FeatureSettings;
            foreach (var (k, v) in Featurizer.Settings(Model, Layers)) settings[k] = v;
            return settings;
        }
    }

    /// <summary>The rows with their embeddings, in input order (all texts embedded in one batched call).</summary>
    public SemanticStanceRow[] Featurize(IReadOnlyList<StanceExample> rows)
        => Featurizer.Build(rows.Select(e => new SemanticInput(e.Text, e.Target.Length > 0 ? e.Target : null, e.TargetStart, e.TargetEnd, StanceTrainer.CueLemma(e.Cue), e.Label)).ToList());


    public IDataView Load(IEnumerable<SemanticStanceRow> rows) => _ml.Data.LoadFromEnumerable(rows, SemanticStanceRow.Schema(Featurizer.Size));

    /// <summary>
    /// The n-gram pipeline with the embeddings joined into its features, and the featurised rows cached
    /// before the learner: without the checkpoint every SDCA pass recomputed the n-grams of 11k rows and
    /// copied their 1,536 floats again (cross-validation 82 s → 23 s, the final fit 17 s → 4 s). The n-gram
    /// trainer keeps its pipeline as it was, so the fast bundle it builds stays as measured.
    /// </summary>
    public IEstimator<ITransformer> Pipeline(string trainer, int seed)
        => _ngram.Features([nameof(SemanticStanceRow.Semantic)])
            .AppendCacheCheckpoint(_ml)
            .Append(_ngram.Learner(trainer, seed))
            .Append(_ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

    public List<string> Predict(ITransformer model, IEnumerable<SemanticStanceRow> rows)
        => model.Transform(Load(rows)).GetColumn<string>("PredictedLabel").ToList();

    /// <summary>Cross-validates with whole groups in each fold (the folds of <see cref="StanceTrainer.Fold"/>).</summary>
    public List<ClassMetrics> CrossValidate(IReadOnlyList<StanceExample> examples, IReadOnlyList<SemanticStanceRow> rows, string trainer, int folds, int seed)
    {
        var results = new List<ClassMetrics>();
        var labels = examples.Select(r => r.Label).Distinct().ToArray();
        var fold = examples.Select(e => StanceTrainer.Fold(e.Group, folds, seed)).ToArray();
        for (int f = 0; f < folds; f++)
        {
            var train = rows.Where((_, i) => fold[i] != f).ToList();
            var test = Enumerable.Range(0, rows.Count).Where(i => fold[i] == f).ToList();
            if (test.Count == 0 || train.Count == 0) continue;
            var model = Pipeline(trainer, seed).Fit(Load(train));
            var predicted = Predict(model, test.Select(i => rows[i]));
            results.Add(ClassMetrics.Compute(test.Select(i => examples[i].Label).ToList(), predicted, labels));
        }
        return results;
    }

    /// <summary>
    /// Cross-validates, trains on <paramref name="train"/>, scores <paramref name="test"/> when given, and
    /// reports as the n-gram trainer does; returns what the bundle needs.
    /// </summary>
    public (ITransformer Model, Manifest.StanceSection Section, DataViewSchema Schema) Train(
        IReadOnlyList<StanceExample> train, IReadOnlyList<StanceExample> test, string trainer, int folds, int seed,
        IAnsiConsole console, Action<string, Action> status)
    {
        SemanticStanceRow[] trainRows = [], testRows = [];
        status($"embedding {train.Count + test.Count} rows with {Model.Name}", () =>
        {
            var all = Featurize([.. train, .. test]);
            trainRows = all[..train.Count];
            testRows = all[train.Count..];
        });
        List<ClassMetrics> cv = [];
        status($"cross-validating the stance model ({StanceTrainer.DisplayName(trainer)} + {Features}, {folds} folds by group)",
            () => cv = CrossValidate(train, trainRows, trainer, folds, seed));
        MetricsReport.Folds(console, $"stance cross-validation ({train.Count} rows, {Features})", cv);
        ITransformer? model = null;
        IDataView? data = null;
        status("training the stance model", () =>
        {
            data = Load(trainRows);
            model = Pipeline(trainer, seed).Fit(data);
        });
        var metrics = new Dictionary<string, double>();
        var (mf, sf) = MetricsReport.MeanSd(cv.Select(c => c.MacroF1));
        metrics["cv_macro_f1"] = Math.Round(mf, 4);
        metrics["cv_macro_f1_sd"] = Math.Round(sf, 4);
        metrics["cv_accuracy"] = Math.Round(cv.Select(c => c.Accuracy).DefaultIfEmpty().Average(), 4);
        metrics["train_rows"] = train.Count;
        if (test.Count > 0)
        {
            var predicted = Predict(model!, testRows);
            var m = ClassMetrics.Compute(test.Select(t => t.Label).ToList(), predicted, train.Select(t => t.Label).Distinct());
            MetricsReport.Classes(console, $"stance held-out test ({test.Count} rows, {Features})", m);
            metrics["test_macro_f1"] = Math.Round(m.MacroF1, 4);
            metrics["test_accuracy"] = Math.Round(m.Accuracy, 4);
            metrics["test_rows"] = test.Count;
        }
        var section = new Manifest.StanceSection
        {
            Labels = train.Select(t => t.Label).Distinct().Order(StringComparer.Ordinal).ToList(),
            Trainer = StanceTrainer.DisplayName(trainer),
            Features = Features,
            FeatureSettings = FeatureSettings,
            Metrics = metrics,
        };
        return (model!, section, data!.Schema);
    }
}
