using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms.Text;
using NewsStance.Internal;
using NewsStance.Internal.Stance;
using NewsStance.Training.Data;

namespace NewsStance.Training.Models;

/// <summary>Classification metrics for one evaluation: macro-F1, accuracy, per class, confusion.</summary>
internal sealed record ClassMetrics(double MacroF1, double Accuracy, Dictionary<string, (double P, double R, double F1, int Support)> PerClass, int[,] Confusion, string[] Labels)
{
    public static ClassMetrics Compute(IReadOnlyList<string> gold, IReadOnlyList<string> predicted, IEnumerable<string>? labelSet = null)
    {
        var labels = (labelSet ?? gold.Distinct()).Distinct().Order(StringComparer.Ordinal).ToArray();
        var index = labels.Select((l, i) => (l, i)).ToDictionary(x => x.l, x => x.i);
        var conf = new int[labels.Length, labels.Length];
        int correct = 0;
        for (int i = 0; i < gold.Count; i++)
        {
            if (gold[i] == predicted[i]) correct++;
            if (index.TryGetValue(gold[i], out var g) && index.TryGetValue(predicted[i], out var p)) conf[g, p]++;
        }
        var per = new Dictionary<string, (double, double, double, int)>();
        for (int k = 0; k < labels.Length; k++)
        {
            int tp = conf[k, k], predictedK = 0, goldK = 0;
            for (int j = 0; j < labels.Length; j++) { predictedK += conf[j, k]; goldK += conf[k, j]; }
            double prec = predictedK == 0 ? 0 : (double)tp / predictedK, rec = goldK == 0 ? 0 : (double)tp / goldK;
            per[labels[k]] = (prec, rec, prec + rec == 0 ? 0 : 2 * prec * rec / (prec + rec), goldK);
        }
        return new ClassMetrics(per.Values.Average(v => v.Item3), gold.Count == 0 ? 0 : (double)correct / gold.Count, per, conf, labels);
    }
}

/// <summary>
/// Builds and trains the stance classifier: the <see cref="StanceFeaturizer"/> inputs → word and
/// character n-grams of the masked text, n-grams of the target's window and of negated words, the cue
/// one-hot and polarity counts → a multiclass trainer. Cross-validation keeps each group in one fold.
/// </summary>
internal sealed class StanceTrainer(MLContext ml)
{
    public static readonly string[] TrainerNames = ["sdca", "lbfgs", "fasttree-ova", "lightgbm"];

    /// <summary>An n-gram must occur in at least this many training rows to become a feature.</summary>
    public const int MinNgramCount = 3;

    public static string DisplayName(string trainer) => trainer switch
    {
        "sdca" => "SdcaMaximumEntropy",
        "lbfgs" => "LbfgsMaximumEntropy",
        "fasttree-ova" => "OneVersusAll(FastTree)",
        "lightgbm" => "LightGbm",
        _ => trainer,
    };

    public static Dictionary<string, string> FeatureSettings => new()
    {
        ["text"] = "masked quote; word 1-2 grams + char 2-4 grams, L2-normalised",
        ["window"] = $"±{StanceFeaturizer.WindowWords} words around the target mention; word 1-2 grams",
        ["negation"] = "NEG_-marked words in 4-word negation scope; word unigrams",
        ["cue"] = "cue verb one-hot",
        ["polarity"] = "lexicon counts overall / near target / negated",
        ["mask"] = StanceFeaturizer.Mask,
        ["min_ngram_count"] = MinNgramCount.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    public IDataView Load(IEnumerable<StanceExample> rows)
        => ml.Data.LoadFromEnumerable(rows.Select(ToRow));

    public static StanceRow ToRow(StanceExample e)
    {
        var cue = CueLemma(e.Cue);
        var r = StanceFeaturizer.Build(e.Text, e.Target.Length > 0 ? e.Target : null, e.TargetStart, e.TargetEnd, cue, label: e.Label);
        r.Group = e.Group;
        return r;
    }

    // extraFeatures: more numeric vector columns joined into Features (the semantic trainer's embeddings).
    public IEstimator<ITransformer> Pipeline(string trainer, int seed, IReadOnlyList<string>? extraFeatures = null)
        => Features(extraFeatures).Append(Learner(trainer, seed)).Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel"));

    /// <summary>The unsupervised part: label to key, n-gram dictionaries, one-hot, scaling, concatenation.</summary>
    public IEstimator<ITransformer> Features(IReadOnlyList<string>? extraFeatures = null)
    {
        var text = new TextFeaturizingEstimator.Options
        {
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = new WordBagEstimator.Options { NgramLength = 4, UseAllLengths = false },
            Norm = TextFeaturizingEstimator.NormFunction.L2,
            CaseMode = TextNormalizingEstimator.CaseMode.Lower,
            KeepPunctuations = StanceFeaturizer.TextKeepsPunctuation,
        };
        var window = new TextFeaturizingEstimator.Options
        {
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 2, UseAllLengths = true },
            CharFeatureExtractor = null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
            KeepPunctuations = StanceFeaturizer.WindowKeepsPunctuation,
        };
        var neg = new TextFeaturizingEstimator.Options
        {
            WordFeatureExtractor = new WordBagEstimator.Options { NgramLength = 1 },
            CharFeatureExtractor = null,
            Norm = TextFeaturizingEstimator.NormFunction.L2,
            KeepPunctuations = StanceFeaturizer.NegatedKeepsPunctuation,
        };
        return ml.Transforms.Conversion.MapValueToKey("Label")
            .Append(ml.Transforms.Text.FeaturizeText("TextFeatures", text, nameof(StanceRow.Text)))
            .Append(ml.Transforms.Text.FeaturizeText("WindowFeatures", window, nameof(StanceRow.Window)))
            .Append(ml.Transforms.Text.FeaturizeText("NegatedFeatures", neg, nameof(StanceRow.Negated)))
            .Append(ml.Transforms.Categorical.OneHotEncoding("CueFeatures", nameof(StanceRow.Cue)))
            .Append(ml.Transforms.NormalizeMinMax("PolarityFeatures", nameof(StanceRow.Polarity)))
            // n-grams seen fewer than MinNgramCount times are dropped: they cannot generalise, and trees would drown in them.
            .Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount("TextFeatures", count: MinNgramCount))
            .Append(ml.Transforms.FeatureSelection.SelectFeaturesBasedOnCount("WindowFeatures", count: MinNgramCount))
            .Append(ml.Transforms.Concatenate("Features", ["TextFeatures", "WindowFeatures", "NegatedFeatures", "CueFeatures", "PolarityFeatures", .. extraFeatures ?? []]));
    }

    /// <summary>The supervised part: one of the four multiclass trainers.</summary>
    public IEstimator<ITransformer> Learner(string trainer, int seed) => trainer switch
    {
        "sdca" => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(new SdcaMaximumEntropyMulticlassTrainer.Options
        { NumberOfThreads = 1, MaximumNumberOfIterations = 30, L2Regularization = 1e-4f }),
        "lbfgs" => ml.MulticlassClassification.Trainers.LbfgsMaximumEntropy(new LbfgsMaximumEntropyMulticlassTrainer.Options
        { NumberOfThreads = 1, L2Regularization = 0.5f, L1Regularization = 0.05f }),
        "fasttree-ova" => ml.MulticlassClassification.Trainers.OneVersusAll(ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        { NumberOfThreads = 1, NumberOfTrees = 100, NumberOfLeaves = 20, MinimumExampleCountPerLeaf = 10, Seed = seed })),
        "lightgbm" => ml.MulticlassClassification.Trainers.LightGbm(new LightGbmMulticlassTrainer.Options
        { NumberOfThreads = 1, NumberOfIterations = 150, NumberOfLeaves = 20, MinimumExampleCountPerLeaf = 10, Seed = seed, Silent = true }),
        _ => throw new ArgumentException($"unknown trainer '{trainer}'; expected one of {string.Join(", ", TrainerNames)}"),
    };

    /// <summary>
    /// Cross-validates with whole groups in each fold (folds by group hash, so one article never
    /// straddles train and test); returns per-fold metrics. The featurisation is unsupervised (n-gram
    /// dictionaries, no labels), so it is fitted once and cached and only the learner is refitted per fold.
    /// </summary>
    public List<ClassMetrics> CrossValidate(IReadOnlyList<StanceExample> rows, string trainer, int folds, int seed, Action<int>? onFold = null)
    {
        var results = new List<ClassMetrics>();
        var labels = rows.Select(r => r.Label).Distinct().ToArray();
        var training = rows.Select(r => { var t = ToRow(r); t.Fold = Fold(r.Group, folds, seed); return t; }).ToList();
        var data = ml.Data.LoadFromEnumerable(training);
        var featurized = ml.Data.Cache(Features().Fit(data).Transform(data));
        for (int f = 0; f < folds; f++)
        {
            int fold = f;
            var expected = training.Where(t => t.Fold == fold).Select(t => t.Label).ToList();
            if (expected.Count == 0 || expected.Count == training.Count) continue;
            var train = ml.Data.FilterByCustomPredicate<FoldColumn>(featurized, r => r.Fold == fold);
            var test = ml.Data.FilterByCustomPredicate<FoldColumn>(featurized, r => r.Fold != fold);
            var model = Learner(trainer, seed).Append(ml.Transforms.Conversion.MapKeyToValue("PredictedLabel")).Fit(train);
            var predicted = model.Transform(test).GetColumn<string>("PredictedLabel").ToList();
            results.Add(ClassMetrics.Compute(expected, predicted, labels));
            onFold?.Invoke(f);
        }
        return results;
    }

    /// <summary>Reads the fold column for filtering (the predicate returns true for rows to drop).</summary>
    internal sealed class FoldColumn
    {
        public float Fold { get; set; }
    }

    /// <summary>The lemma of a cue's last word ("has warned" → "warn"), as the stance features take it; null without a cue.</summary>
    public static string? CueLemma(string? cue) => cue is { Length: > 0 } c ? Lexicon.ReportingLemma(c.Split(' ')[^1]) ?? c.ToLowerInvariant() : null;

    public static int Fold(string group, int folds, int seed)
    {
        uint h = 2166136261u ^ (uint)seed;
        foreach (char c in group) { h ^= c; h *= 16777619u; }
        return (int)(h % (uint)folds);
    }

    public List<string> Predict(ITransformer model, IReadOnlyList<StanceExample> rows)
    {
        var scored = model.Transform(Load(rows));
        return scored.GetColumn<string>("PredictedLabel").ToList();
    }
}
