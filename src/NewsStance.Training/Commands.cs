using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Microsoft.ML;
using NewsStance.Apps;
using NewsStance.Internal.Models;
using NewsStance.Internal.Speakers;
using NewsStance.Internal.Stance;
using NewsStance.Semantic;
using NewsStance.Training.Data;
using NewsStance.Training.Models;
using NewsStance.Training.Reports;
using Spectre.Console;

namespace NewsStance.Training;

/// <summary>The training app's commands: validate, train, train-stance, compare, evaluate.</summary>
internal sealed class Commands(IAnsiConsole console, TextWriter stderr, Interruption? interruption = null)
{
    public const int Ok = 0, Failed = 1, Usage = 2;

    /// <summary>Stopped by Ctrl+C with a checkpoint saved (128 + SIGINT, as a shell reports it; SIGTERM gives 143).</summary>
    public const int Interrupted = Interruption.SigintExit;

    private int InterruptedExit => interruption?.ExitCode ?? Interrupted;

    private void Error(string message) => stderr.WriteLine($"{TrainingApp.Name}: error: {message}");

    private void Warning(string message) => stderr.WriteLine($"{TrainingApp.Name}: warning: {message}");

    private bool ReportErrors(IReadOnlyList<DataError> errors, bool skip, string what)
    {
        if (errors.Count == 0) return true;
        foreach (var e in errors.Take(50)) stderr.WriteLine(e.ToString());
        if (errors.Count > 50) stderr.WriteLine($"... and {errors.Count - 50} more");
        if (skip)
        {
            int rows = errors.Select(e => (e.File, e.Line)).Distinct().Count();
            stderr.WriteLine($"{TrainingApp.Name}: warning: skipped {rows} bad row(s) ({errors.Count} problem(s)) in {what}; training on the rest.");
            return true;
        }
        Error($"{errors.Count} problem(s) in {what}; nothing was written. Fix them, or pass --skip-bad-rows to train on the valid rows.");
        return false;
    }

    // ---- validate -----------------------------------------------------------------------------

    public int Validate(string dir, IReadOnlySet<string>? labels = null)
    {
        if (File.Exists(dir)) return ValidateStanceCsv(dir, labels);
        if (!Directory.Exists(dir)) { Error($"'{dir}' is neither a training-data folder nor a stance CSV file"); return Usage; }
        var corpus = Corpus.Load(dir);
        foreach (var e in corpus.Errors.Take(200)) stderr.WriteLine(e.ToString());
        if (corpus.Errors.Count > 200) stderr.WriteLine($"... and {corpus.Errors.Count - 200} more");
        console.MarkupLine($"{corpus.Articles.Count} articles, {corpus.Quotes.Count} quotes, {corpus.Stance.Count} stance rows: "
            + (corpus.Errors.Count == 0 ? "[green]valid[/]" : $"[red]{corpus.Errors.Count} problem(s)[/]"));
        return corpus.Errors.Count == 0 ? Ok : Failed;
    }

    /// <summary>A user's stance CSV, checked as train-stance would read it: errors, then the warnings training would give.</summary>
    private int ValidateStanceCsv(string csv, IReadOnlySet<string>? labels)
    {
        var (rows, errors) = StanceCsv.Read(csv, labels, rejectDuplicates: false);
        foreach (var e in errors.Take(200)) stderr.WriteLine(e.ToString());
        if (errors.Count > 200) stderr.WriteLine($"... and {errors.Count - 200} more");
        var (kept, dropped) = DuplicateRows.Drop(rows);
        if (dropped.Count > 0) Warning($"{csv}: {dropped.Count} exact duplicate row(s) ({DuplicateRows.Lines(dropped)}): training drops them.");
        foreach (var w in LabelCheck.Warnings(csv, kept)) Warning(w);
        var counts = string.Join(", ", kept.GroupBy(r => r.Label).OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal).Select(g => $"{g.Key} {g.Count()}"));
        console.MarkupLine($"{rows.Count} stance rows ({Markup.Escape(counts)}): "
            + (errors.Count == 0 ? "[green]valid[/]" : $"[red]{errors.Count} problem(s)[/]"));
        return errors.Count == 0 ? Ok : Failed;
    }

    // ---- train ----------------------------------------------------------------------------------

    public int Train(string dataDir, string outDir, int seed, int folds, string trainer, bool skipBad, string features, bool force = false, EncoderTrainingOptions? encoder = null, int? semanticLayers = null)
    {
        if (File.Exists(dataDir)) { Error($"'{dataDir}' is a file: train takes a training-data folder (articles/, quotes.csv, stance.csv). To train from a stance CSV, use train-stance --data {dataDir}"); return Usage; }
        if (!SemanticStanceTrainer.FeatureNames.Contains(features)) { Error($"unknown features '{features}'; expected one of {string.Join(", ", SemanticStanceTrainer.FeatureNames)}"); return Usage; }
        if (LayersError(features, semanticLayers) is { } layersError) { Error(layersError); return Usage; }
        if (!StanceTrainer.TrainerNames.Contains(trainer)) { Error($"unknown trainer '{trainer}'; expected one of {string.Join(", ", StanceTrainer.TrainerNames)}"); return Usage; }
        if (!Directory.Exists(dataDir)) { Error($"'{dataDir}' is not a folder"); return Usage; }
        if (BundleTarget.Check(outDir, ["speaker.zip", StanceFile(features)], keepSpeaker: false, force, out var targetError) is null) { Error(targetError!); return Usage; }
        var clock = Stopwatch.StartNew();
        var corpus = Corpus.Load(dataDir);
        if (!ReportErrors(corpus.Errors, skipBad, dataDir)) return Failed;
        var ml = new MLContext(seed);
        var manifest = NewManifest(seed, Corpus.Hash(dataDir));

        // Speaker ranker.
        List<SpeakerGroup> groups = [];
        Status("building speaker candidates", () => groups = SpeakerTrainer.BuildGroups(corpus));
        var trainGroups = groups.Where(g => !corpus.IsTest(g.ArticleId)).ToList();
        var testGroups = groups.Where(g => corpus.IsTest(g.ArticleId)).ToList();
        var speakerTrainer = new SpeakerTrainer(ml);
        var cvRanker = new List<double>();
        var cvRules = new List<double>();
        var outOfFold = new List<RankedQuote>();
        Status($"cross-validating the speaker ranker ({folds} folds by article)", () =>
        {
            for (int f = 0; f < folds; f++)
            {
                var tr = trainGroups.Where(g => StanceTrainer.Fold(g.ArticleId, folds, seed) != f).ToList();
                var te = trainGroups.Where(g => StanceTrainer.Fold(g.ArticleId, folds, seed) == f).ToList();
                if (!tr.Any(g => g.Gold >= 0) || !te.Any(g => g.Gold >= 0)) continue;
                var m = FastTreeSpeakerScorer.FromTransformer(ml, speakerTrainer.Train(tr, seed));
                cvRanker.Add(SpeakerTrainer.AccuracyAt1(te, m));
                cvRules.Add(SpeakerTrainer.AccuracyAt1(te, RuleSpeakerScorer.Instance));
                // The confidence is shown only on quotes the finder finds, so it is calibrated on those alone.
                outOfFold.AddRange(te.Where(g => g.Found).Select(g => RankedQuote.Of(m.Score(g.Features), g.Features, g.Gold)));
            }
        });
        ITransformer? speakerModel = null;
        Status("training the speaker ranker", () => speakerModel = speakerTrainer.Train(trainGroups, seed));
        var ranker = FastTreeSpeakerScorer.FromTransformer(ml, speakerModel!);
        double testRanker = SpeakerTrainer.AccuracyAt1(testGroups, ranker), testRules = SpeakerTrainer.AccuracyAt1(testGroups, RuleSpeakerScorer.Instance);
        var (cvMean, cvSd) = MetricsReport.MeanSd(cvRanker);
        var speakerTable = new Table().Title("speaker accuracy@1").AddColumn("").AddColumn("FastTree ranker").AddColumn("hand-set rules");
        for (int i = 0; i < cvRanker.Count; i++) speakerTable.AddRow($"fold {i + 1}", MetricsReport.F(cvRanker[i]), MetricsReport.F(cvRules[i]));
        speakerTable.AddRow("CV mean ± sd", $"{MetricsReport.F(cvMean)} ± {MetricsReport.F(cvSd)}", MetricsReport.F(cvRules.DefaultIfEmpty().Average()));
        int testRanked = testGroups.Count(g => g.Gold >= 0);
        speakerTable.AddRow($"held-out test ({testRanked} quotes)", MetricsReport.F(testRanker), MetricsReport.F(testRules));
        console.Write(speakerTable);
        var metrics = new Dictionary<string, double>
        {
            ["cv_accuracy_at_1"] = Math.Round(cvMean, 4), ["cv_accuracy_at_1_sd"] = Math.Round(cvSd, 4),
            ["test_accuracy_at_1"] = Math.Round(testRanker, 4), ["test_accuracy_at_1_rules"] = Math.Round(testRules, 4),
            ["train_groups"] = trainGroups.Count(g => g.Gold >= 0), ["test_groups"] = testRanked,
        };
        var calibration = SpeakerConfidenceReport.Calibrate(console, outOfFold,
            trainGroups.Where(g => g.Found).ToList(), testGroups.Where(g => g.Found).ToList(), ranker, metrics);
        manifest.Speaker = new Manifest.SpeakerSection
        {
            Trainer = "FastTree LambdaMART (60 trees, 8 leaves, rule score as a feature)", Features = [.. SpeakerFeatures.Names],
            Metrics = metrics, Calibration = calibration,
        };

        // Stance classifier.
        var train = corpus.Stance.Where(r => r.Split != "test").ToList();
        var test = corpus.Stance.Where(r => r.Split == "test").ToList();
        if (TryTrainStance(ml, train, test, trainer, folds, seed, features, encoder, semanticLayers) is not var (stanceSection, saveStance)) return InterruptedExit;
        manifest.Stance = stanceSection;

        BundleWriter.Write(outDir, manifest, dir =>
        {
            var keyedSchema = ml.Transforms.Conversion.MapValueToKey("GroupId")
                .Fit(ml.Data.LoadFromEnumerable(new[] { new SpeakerRow { Features = new float[SpeakerFeatures.Count], GroupId = 1 } }))
                .Transform(ml.Data.LoadFromEnumerable(new[] { new SpeakerRow { Features = new float[SpeakerFeatures.Count], GroupId = 1 } })).Schema;
            BundleWriter.SaveModel(ml, speakerModel!, keyedSchema, Path.Combine(dir, "speaker.zip"));
            saveStance(dir);
        });
        console.MarkupLine($"[green]wrote[/] {Markup.Escape(Path.GetFullPath(outDir))} in {clock.Elapsed.TotalSeconds:0.0} s");
        return Ok;
    }

    /// <summary>Why <c>--encoder-layers</c> cannot be kept for semantic <paramref name="features"/>, or null.</summary>
    private static string? LayersError(string features, int? layers)
        => layers is int n && SentenceModel.ForFeatures(features) is { } model && !model.CanRun(n)
            ? $"--encoder-layers {n}: {model.Name} gives its vectors after {(model.CanKeepFewerLayers ? $"layers 1 to {model.Layers}" : $"its last layer ({model.Layers}) only (its graph cannot be cut)")}"
            : null;

    /// <summary>The stance file a bundle with <paramref name="features"/> holds.</summary>
    private static string StanceFile(string features) => EncoderStanceTrainer.IsEncoder(features) ? EncoderStanceTrainer.FileName : "stance.zip";

    /// <summary><see cref="TrainStance"/>, or null (reported) when Ctrl+C or SIGTERM stopped the fine-tuning.</summary>
    private (Manifest.StanceSection Section, Action<string> Save)? TryTrainStance(
        MLContext ml, List<StanceExample> train, List<StanceExample> test, string trainer, int folds, int seed, string features, EncoderTrainingOptions? encoder, int? semanticLayers)
    {
        try { return TrainStance(ml, train, test, trainer, folds, seed, features, encoder, semanticLayers); }
        catch (TrainingInterruptedException e)
        {
            stderr.WriteLine($"{TrainingApp.Name}: {e.Message} Nothing was written to the bundle folder.");
            return null;
        }
    }

    /// <summary>Trains the stance model <paramref name="features"/> asks for; returns its manifest section and how to write its file into a bundle folder.</summary>
    private (Manifest.StanceSection Section, Action<string> Save) TrainStance(
        MLContext ml, List<StanceExample> train, List<StanceExample> test, string trainer, int folds, int seed, string features, EncoderTrainingOptions? encoder, int? semanticLayers)
    {
        if (EncoderStanceTrainer.IsEncoder(features))
            return new EncoderStanceTrainer(features, encoder ?? new EncoderTrainingOptions(), stderr, interruption).Train(train, test, seed, console);
        var (model, section, schema) = TrainMlStance(ml, train, test, trainer, folds, seed, features, semanticLayers);
        return (section, dir => BundleWriter.SaveModel(ml, model, schema, Path.Combine(dir, section.File)));
    }

    private (ITransformer Model, Manifest.StanceSection Section, DataViewSchema Schema) TrainMlStance(
        MLContext ml, List<StanceExample> train, List<StanceExample> test, string trainer, int folds, int seed, string features, int? semanticLayers)
    {
        if (features != "ngram") return new SemanticStanceTrainer(ml, features, layers: semanticLayers).Train(train, test, trainer, folds, seed, console, Status);
        var st = new StanceTrainer(ml);
        List<ClassMetrics> cv = [];
        Status($"cross-validating the stance model ({StanceTrainer.DisplayName(trainer)}, {folds} folds by group)", () => cv = st.CrossValidate(train, trainer, folds, seed));
        MetricsReport.Folds(console, $"stance cross-validation ({train.Count} rows)", cv);
        ITransformer? model = null;
        IDataView? data = null;
        Status("training the stance model", () =>
        {
            data = st.Load(train);
            model = st.Pipeline(trainer, seed).Fit(data);
        });
        var metrics = new Dictionary<string, double>();
        if (cv.Count > 0)
        {
            var (mf, sf) = MetricsReport.MeanSd(cv.Select(c => c.MacroF1));
            metrics["cv_macro_f1"] = Math.Round(mf, 4);
            metrics["cv_macro_f1_sd"] = Math.Round(sf, 4);
            metrics["cv_accuracy"] = Math.Round(cv.Average(c => c.Accuracy), 4);
            metrics["cv_folds"] = cv.Count;
        }
        metrics["train_rows"] = train.Count;
        if (test.Count > 0)
        {
            var predicted = st.Predict(model!, test);
            var m = ClassMetrics.Compute(test.Select(t => t.Label).ToList(), predicted, train.Select(t => t.Label).Distinct());
            MetricsReport.Classes(console, $"stance held-out test ({test.Count} rows)", m);
            metrics["test_macro_f1"] = Math.Round(m.MacroF1, 4);
            metrics["test_accuracy"] = Math.Round(m.Accuracy, 4);
            metrics["test_rows"] = test.Count;
        }
        var labels = train.Select(t => t.Label).Distinct().Order(StringComparer.Ordinal).ToList();
        var section = new Manifest.StanceSection
        {
            Labels = labels, Trainer = StanceTrainer.DisplayName(trainer), Features = "ngram",
            FeatureSettings = StanceTrainer.FeatureSettings, Metrics = metrics,
        };
        return (model!, section, data!.Schema);
    }

    // ---- train-stance ---------------------------------------------------------------------------

    public int TrainStanceOnly(string csv, string outDir, int seed, int folds, string trainer, bool skipBad, string features,
        IReadOnlySet<string>? allowedLabels = null, bool force = false, EncoderTrainingOptions? encoder = null, int? semanticLayers = null)
    {
        if (!SemanticStanceTrainer.FeatureNames.Contains(features)) { Error($"unknown features '{features}'; expected one of {string.Join(", ", SemanticStanceTrainer.FeatureNames)}"); return Usage; }
        if (LayersError(features, semanticLayers) is { } layersError) { Error(layersError); return Usage; }
        // A training-data folder names its stance CSV.
        if (Directory.Exists(csv) && File.Exists(Path.Combine(csv, "stance.csv"))) csv = Path.Combine(csv, "stance.csv");
        if (!File.Exists(csv)) { Error($"'{csv}' does not exist"); return Usage; }
        if (!StanceTrainer.TrainerNames.Contains(trainer)) { Error($"unknown trainer '{trainer}'"); return Usage; }
        var target = BundleTarget.Check(outDir, [StanceFile(features)], keepSpeaker: true, force, out var targetError);
        if (target is null) { Error(targetError!); return Usage; }
        var clock = Stopwatch.StartNew();
        var (read, errors) = StanceCsv.Read(csv, allowedLabels, rejectDuplicates: false);
        if (!ReportErrors(errors, skipBad, csv)) return Failed;
        var (rows, dropped) = DuplicateRows.Drop(read);
        if (dropped.Count > 0) Warning($"{csv}: dropped {dropped.Count} exact duplicate row(s) (same text, target and stance as an earlier row: {DuplicateRows.Lines(dropped)}); training on {rows.Count}.");
        foreach (var w in LabelCheck.Warnings(csv, rows)) Warning(w);
        var labels = rows.Select(r => r.Label).Distinct().ToList();
        if (labels.Count < 2) { Error($"{csv}: the stance column needs at least two different labels, found {labels.Count}"); return Failed; }
        var ml = new MLContext(seed);
        var manifest = NewManifest(seed, Corpus.Hash(Path.GetDirectoryName(Path.GetFullPath(csv))!, [csv]));
        if (TryTrainStance(ml, rows, [], trainer, Math.Min(folds, Math.Max(2, rows.Select(r => r.Group).Distinct().Count())), seed, features, encoder, semanticLayers) is not var (section, save))
            return InterruptedExit;
        manifest.Stance = section;
        // The bundle's speaker ranker stays: a stance model trained into it must not cost the attribution.
        var keptSpeaker = target.SpeakerToKeep;
        if (keptSpeaker is not null) manifest.Speaker = target.Existing!.Speaker;
        BundleWriter.Write(outDir, manifest, dir =>
        {
            save(dir);
            if (keptSpeaker is not null) File.Copy(keptSpeaker, Path.Combine(dir, Path.GetFileName(keptSpeaker)));
        });
        console.MarkupLine($"[green]wrote[/] {Markup.Escape(Path.GetFullPath(outDir))} ({labels.Count} labels: {Markup.Escape(string.Join(", ", labels.Order()))}) in {clock.Elapsed.TotalSeconds:0.0} s"
            + (keptSpeaker is null ? "" : "; its speaker ranker was kept"));
        return Ok;
    }

    // ---- compare ----------------------------------------------------------------------------------

    public int Compare(string dataDir, int seed, int folds)
    {
        var corpus = Corpus.Load(dataDir);
        if (!ReportErrors(corpus.Errors, false, dataDir)) return Failed;
        var ml = new MLContext(seed);
        var st = new StanceTrainer(ml);
        var train = corpus.Stance.Where(r => r.Split != "test").ToList();
        var table = new Table().Title($"stance trainers, {folds}-fold CV grouped by article ({train.Count} rows)")
            .AddColumn("trainer").AddColumn("macro-F1 mean ± sd").AddColumn("accuracy").AddColumn("seconds");
        var markdown = new StringBuilder("| trainer | CV macro-F1 (mean ± sd) | CV accuracy | seconds |\n|---|---|---|---|\n");
        foreach (var t in StanceTrainer.TrainerNames)
        {
            var clock = Stopwatch.StartNew();
            List<ClassMetrics> cv = [];
            Status($"cross-validating {StanceTrainer.DisplayName(t)}", () => cv = st.CrossValidate(train, t, folds, seed));
            var (m, s) = MetricsReport.MeanSd(cv.Select(c => c.MacroF1));
            var acc = cv.Average(c => c.Accuracy);
            table.AddRow(StanceTrainer.DisplayName(t), $"{MetricsReport.F(m)} ± {MetricsReport.F(s)}", MetricsReport.F(acc), $"{clock.Elapsed.TotalSeconds:0}");
            markdown.Append(CultureInfo.InvariantCulture, $"| {StanceTrainer.DisplayName(t)} | {MetricsReport.F(m)} ± {MetricsReport.F(s)} | {MetricsReport.F(acc)} | {clock.Elapsed.TotalSeconds:0} |\n");
        }
        console.Write(table);
        console.WriteLine(markdown.ToString());
        return Ok;
    }

    // ---- evaluate ---------------------------------------------------------------------------------

    public int Evaluate(string? model, string csv, string? predictionsPath, string? jsonPath)
    {
        // The same lookup as the newsstance CLI: --model (a folder or a bundle name), else NEWSSTANCE_MODEL, else models/default.
        var modelDir = model is null ? ModelLocator.Find() : ModelLocator.Resolve(model);
        if (modelDir is null) { Error($"no model bundle found: pass --model DIR or NAME, or set {ModelLocator.EnvironmentVariable}."); return Usage; }
        ModelBundle bundle;
        try { bundle = ModelBundle.Load(modelDir, [SemanticStanceModels.Instance]); }
        catch (ModelLoadException e)
        {
            // The library's messages speak of its options; here the option is a flag.
            Error(e.Message.Replace("ScorerOptions.ModelDirectory", "--model", StringComparison.Ordinal) + (model is null ? "" : ModelLocator.NotFoundHint(model)));
            return Usage;
        }
        if (bundle.Stance is not { } stance) { Error($"'{modelDir}' has no stance model"); return Usage; }
        if (!File.Exists(csv)) { Error($"'{csv}' does not exist"); return Usage; }
        // Evaluation sets may repeat a sentence under different ids: only training rejects duplicates.
        var (rows, errors) = StanceCsv.Read(csv, rejectDuplicates: false);
        if (!ReportErrors(errors, false, csv)) return Failed;
        var scored = StanceScoring.Score(stance, rows);
        var predicted = scored.Select(x => x.Label).ToList();
        var scores = scored.Select(x => x.Scores).ToList();
        if (predictionsPath is not null)
        {
            using var w = new StreamWriter(predictionsPath, false, new UTF8Encoding(false)) { NewLine = "\n" };
            w.WriteLine(string.Join(',', new[] { "id", "label", "confidence" }.Concat(stance.Labels.Select(l => "score_" + l))));
            for (int i = 0; i < rows.Count; i++)
            {
                var s = scores[i];
                var fields = new[] { rows[i].Id, predicted[i], s.Max().ToString("0.####", CultureInfo.InvariantCulture) }
                    .Concat(s.Select(x => x.ToString("0.####", CultureInfo.InvariantCulture)));
                w.WriteLine(string.Join(',', fields.Select(Csv)));
            }
        }
        // The label set is the model's and the file's together, so a label only the model predicts still counts against it.
        var metrics = ClassMetrics.Compute(rows.Select(r => r.Label).ToList(), predicted, rows.Select(r => r.Label).Concat(stance.Labels).Distinct());
        MetricsReport.Classes(console, $"{Path.GetFileName(csv)} ({rows.Count} rows)", metrics);
        if (jsonPath is not null)
        {
            var json = new
            {
                rows = rows.Count, macro_f1 = metrics.MacroF1, accuracy = metrics.Accuracy,
                per_class = metrics.PerClass.ToDictionary(kv => kv.Key, kv => new { precision = kv.Value.P, recall = kv.Value.R, f1 = kv.Value.F1, support = kv.Value.Support }),
                labels = metrics.Labels,
                confusion = Enumerable.Range(0, metrics.Labels.Length).Select(i => Enumerable.Range(0, metrics.Labels.Length).Select(j => metrics.Confusion[i, j]).ToArray()).ToArray(),
            };
            File.WriteAllText(jsonPath, JsonSerializer.Serialize(json, new JsonSerializerOptions { WriteIndented = true }));
        }
        return Ok;
    }

    private static string Csv(string f) => f.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + f.Replace("\"", "\"\"") + "\"" : f;

    private static Manifest NewManifest(int seed, string hash) => new()
    {
        MlNetVersion = ModelBundle.MlNetVersion, CreatedAt = DateTimeOffset.UtcNow, Seed = seed, TrainingDataHash = hash,
    };

    private void Status(string what, Action action)
    {
        var clock = Stopwatch.StartNew();
        stderr.WriteLine($"… {what}");
        action();
        stderr.WriteLine($"  done in {clock.Elapsed.TotalSeconds:0.0} s");
    }
}
