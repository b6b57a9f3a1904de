using NewsStance.Training.Reports;

namespace NewsStance.Training.Tests.Reports;

/// <summary>Expected calibration error and AUROC on hand-made outcomes whose answers are worked out by hand.</summary>
public sealed class ConfidenceMetricsTests
{
    private static List<ScoredOutcome> Outcomes(params (double Confidence, bool Right)[] xs) => xs.Select(x => new ScoredOutcome(x.Confidence, x.Right)).ToList();

    [Fact]
    public void Ece_is_zero_when_each_bin_is_right_as_often_as_it_claims()
    {
        // 0.75 claimed, 3 of 4 right; 0.25 claimed, 1 of 4 right
        var o = Outcomes((0.75, true), (0.75, true), (0.75, true), (0.75, false), (0.25, true), (0.25, false), (0.25, false), (0.25, false));
        Assert.Equal(0, ConfidenceMetrics.ExpectedCalibrationError(o), 12);
    }

    [Fact]
    public void Ece_weighs_each_bin_gap_by_its_share()
    {
        // bin 0.8: 2 of 4 right at 0.8 → gap 0.3; bin 0.3: 1 of 4 right at 0.3 → gap 0.05; each half the outcomes
        var o = Outcomes((0.8, true), (0.8, true), (0.8, false), (0.8, false), (0.3, true), (0.3, false), (0.3, false), (0.3, false));
        Assert.Equal(0.5 * 0.3 + 0.5 * 0.05, ConfidenceMetrics.ExpectedCalibrationError(o), 12);
    }

    [Fact]
    public void Ece_averages_confidences_within_a_bin_and_puts_1_in_the_last_bin()
    {
        // 0.92 and 1.0 share the bin [0.9, 1]: mean 0.96, accuracy 0.5 → 0.46
        var o = Outcomes((0.92, true), (1.0, false));
        Assert.Equal(0.46, ConfidenceMetrics.ExpectedCalibrationError(o), 12);
        // always sure, right half the time: 0.5
        Assert.Equal(0.5, ConfidenceMetrics.ExpectedCalibrationError(Outcomes((1.0, true), (1.0, false))), 12);
        Assert.Equal(0, ConfidenceMetrics.ExpectedCalibrationError([]));
    }

    [Fact]
    public void Auroc_counts_the_pairs_a_right_outcome_outranks_a_wrong_one()
    {
        // right 0.9 and 0.4, wrong 0.6 and 0.1: 3 of 4 pairs ordered
        Assert.Equal(0.75, ConfidenceMetrics.Auroc(Outcomes((0.9, true), (0.4, true), (0.6, false), (0.1, false))), 12);
        Assert.Equal(1, ConfidenceMetrics.Auroc(Outcomes((0.9, true), (0.8, true), (0.2, false))), 12);
        Assert.Equal(0, ConfidenceMetrics.Auroc(Outcomes((0.1, true), (0.8, false), (0.9, false))), 12);
    }

    [Fact]
    public void Auroc_counts_ties_half()
    {
        // right 0.5; wrong 0.5 (tie, ½) and 0.2 (1): 0.75
        Assert.Equal(0.75, ConfidenceMetrics.Auroc(Outcomes((0.5, true), (0.5, false), (0.2, false))), 12);
        Assert.Equal(0.5, ConfidenceMetrics.Auroc(Outcomes((1.0, true), (1.0, false), (1.0, true), (1.0, false))), 12);
    }

    [Fact]
    public void Auroc_is_undefined_without_both_right_and_wrong()
    {
        Assert.True(double.IsNaN(ConfidenceMetrics.Auroc(Outcomes((0.9, true), (0.3, true)))));
        Assert.True(double.IsNaN(ConfidenceMetrics.Auroc([])));
    }
}
