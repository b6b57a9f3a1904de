using System.Text.Json;
using NewsStance.Internal.Models;
using NewsStance.Internal.Speakers;
using NewsStance.Training.Models;
using Spectre.Console;

namespace NewsStance.Training.Reports;

/// <summary>
/// Calibrates the speaker confidence on out-of-fold ranker scores of the training split and shows, on the
/// held-out split, how well the confidence means what it says before (softmax) and after calibration.
/// </summary>
internal static class SpeakerConfidenceReport
{
    /// <summary>
    /// Fits the ranker's calibration on <paramref name="outOfFold"/> (and the rules' on the training split, which
    /// they never learned from), prints the held-out table, adds its figures to <paramref name="metrics"/> and returns
    /// the ranker's calibration for the manifest; null when cross-validation scored no quote. All quotes given are
    /// ones the quote finder found: the confidence is shown on no other.
    /// </summary>
    public static Manifest.CalibrationSection? Calibrate(IAnsiConsole console, IReadOnlyList<RankedQuote> outOfFold,
        IReadOnlyList<SpeakerGroup> train, IReadOnlyList<SpeakerGroup> test, ISpeakerScorer ranker, Dictionary<string, double> metrics)
    {
        if (outOfFold.Count == 0)
        {
            console.MarkupLine("speaker confidence: [yellow]not calibrated[/] (cross-validation scored no quote); it stays the softmax of the ranker's scores.");
            return null;
        }
        // The tree ranker's score already folds in whether the top is the frame's subject; the rule score is mostly
        // that, so the rules' calibration takes the frame features too (with the ranker they did not carry over to real news).
        var calibration = SpeakerCalibrationFitter.Fit(outOfFold, SpeakerCalibrationFitter.RankerFeatures);
        var rules = RuleSpeakerScorer.Instance;
        var ruleCalibration = SpeakerCalibrationFitter.Fit(Rank(train, rules), SpeakerCalibration.FeatureNames);
        var heldOutRanker = Rank(test, ranker);
        var heldOutRules = Rank(test, rules);

        var table = new Table().Title($"speaker confidence on the held-out split ({test.Count} found quotes, {heldOutRanker.Count(q => q.Right)} right with the ranker)")
            .AddColumn("").AddColumn("ECE (10 bins)").AddColumn("AUROC right vs wrong").AddColumn("mean").AddColumn("share shown as 1.00");
        void Row(string name, IReadOnlyList<ScoredOutcome> o, string? metric)
        {
            double ece = ConfidenceMetrics.ExpectedCalibrationError(o), auroc = ConfidenceMetrics.Auroc(o);
            table.AddRow(name, MetricsReport.F(ece), double.IsNaN(auroc) ? "n/a" : MetricsReport.F(auroc),
                MetricsReport.F(o.Select(x => x.Confidence).DefaultIfEmpty().Average()), MetricsReport.F(o.Count(x => x.Confidence >= 0.995) / (double)Math.Max(1, o.Count)));
            if (metric is null || o.Count == 0) return;
            metrics[$"test_confidence_ece{metric}"] = Math.Round(ece, 4);
            if (!double.IsNaN(auroc)) metrics[$"test_confidence_auroc{metric}"] = Math.Round(auroc, 4);
        }
        Row("ranker, softmax (before)", heldOutRanker.Select(q => new ScoredOutcome(SpeakerCalibration.Softmax(q.Scores, q.Best), q.Right)).ToList(), "_softmax");
        Row("ranker, calibrated", heldOutRanker.Select(q => new ScoredOutcome(calibration.Confidence(q.Scores, q.Best, q.Top), q.Right)).ToList(), "");
        Row("rules, softmax", heldOutRules.Select(q => new ScoredOutcome(SpeakerCalibration.Softmax(q.Scores, q.Best), q.Right)).ToList(), null);
        Row("rules, calibrated", heldOutRules.Select(q => new ScoredOutcome(ruleCalibration.Confidence(q.Scores, q.Best, q.Top), q.Right)).ToList(), null);
        console.Write(table);
        metrics["test_confidence_quotes"] = test.Count;
        var ruleSection = Section(ruleCalibration, $"hand-set rule scores of {train.Count} found training-split quotes");
        console.WriteLine($"rules calibration fitted on the training split (data for {RuleSpeakerScorer.CalibrationResource}): "
            + JsonSerializer.Serialize(ruleSection));
        return Section(calibration, $"out-of-fold ranker scores of {outOfFold.Count} found training-split quotes (cross-validation by article)");
    }

    private static List<RankedQuote> Rank(IReadOnlyList<SpeakerGroup> groups, ISpeakerScorer scorer) =>
        groups.Select(g => RankedQuote.Of(scorer.Score(g.Features), g.Features, g.Gold)).ToList();

    private static Manifest.CalibrationSection Section(SpeakerCalibration c, string fittedOn) => new()
    {
        FittedOn = fittedOn, Bias = Math.Round(c.Bias, 6),
        Weights = c.Weights.ToDictionary(w => w.Key, w => Math.Round(w.Value, 6)),
    };
}
