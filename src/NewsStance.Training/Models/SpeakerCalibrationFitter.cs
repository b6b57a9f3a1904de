using NewsStance.Internal.Speakers;

namespace NewsStance.Training.Models;

/// <summary>
/// One quote's candidate scores from a ranker that did not train on it, the top candidate's features and
/// whether the top candidate was the speaker.
/// </summary>
internal sealed record RankedQuote(float[] Scores, int Best, float[] Top, bool Right)
{
    public static RankedQuote Of(float[] scores, IReadOnlyList<float[]> features, int gold)
    {
        int best = 0;
        for (int i = 1; i < scores.Length; i++) if (scores[i] > scores[best]) best = i;
        return new RankedQuote(scores, best, features[best], best == gold);
    }

    /// <summary>The calibration's features of this quote.</summary>
    public double[] Features => SpeakerCalibration.Features(Scores, Best, Top);
}

/// <summary>
/// Fits <see cref="SpeakerCalibration"/> (Platt scaling): logistic regression of "the top candidate is
/// right" on the ranking features, by Newton's method with a light L2 penalty on the weights (not the
/// bias) so that a feature that never varies, or separates perfectly, keeps a finite weight.
/// </summary>
internal static class SpeakerCalibrationFitter
{
    private const double L2 = 0.01;

    /// <summary>The ranking features the learned ranker is calibrated on (see <see cref="Fit"/>).</summary>
    public static readonly string[] RankerFeatures = ["top_score", "margin", "single_candidate"];

    /// <summary>Fits the weights of <paramref name="features"/> (names from <see cref="SpeakerCalibration.FeatureNames"/>; the others stay 0).</summary>
    public static SpeakerCalibration Fit(IReadOnlyList<RankedQuote> quotes, IReadOnlyList<string> features)
    {
        if (quotes.Count == 0) throw new ArgumentException("no quotes to fit the calibration on", nameof(quotes));
        var columns = features.Select(f => Array.IndexOf(SpeakerCalibration.FeatureNames, f)).ToArray();
        if (columns.Contains(-1)) throw new ArgumentException($"unknown calibration feature among {string.Join(", ", features)}", nameof(features));
        int d = columns.Length + 1; // bias first
        var x = quotes.Select(q => { var all = q.Features; return (double[])[1, .. columns.Select(c => all[c])]; }).ToArray();
        var y = quotes.Select(q => q.Right ? 1.0 : 0.0).ToArray();
        var w = new double[d];
        for (int iteration = 0; iteration < 100; iteration++)
        {
            var gradient = new double[d];
            var hessian = new double[d, d];
            for (int n = 0; n < x.Length; n++)
            {
                double z = 0;
                for (int j = 0; j < d; j++) z += w[j] * x[n][j];
                double p = 1 / (1 + Math.Exp(-z)), r = p * (1 - p);
                for (int j = 0; j < d; j++)
                {
                    gradient[j] += (p - y[n]) * x[n][j];
                    for (int k = 0; k < d; k++) hessian[j, k] += r * x[n][j] * x[n][k];
                }
            }
            for (int j = 1; j < d; j++) { gradient[j] += L2 * w[j]; hessian[j, j] += L2; }
            hessian[0, 0] += 1e-9;
            var step = Solve(hessian, gradient);
            for (int j = 0; j < d; j++) w[j] -= step[j];
            if (step.Max(Math.Abs) < 1e-8) break;
        }
        return new SpeakerCalibration(w[0], features.Select((n, i) => (n, i)).ToDictionary(t => t.n, t => w[t.i + 1]));
    }

    /// <summary>Solves a·s = b by Gaussian elimination with partial pivoting (a is small and positive definite).</summary>
    private static double[] Solve(double[,] a, double[] b)
    {
        int n = b.Length;
        var m = (double[,])a.Clone();
        var v = (double[])b.Clone();
        for (int c = 0; c < n; c++)
        {
            int pivot = c;
            for (int r = c + 1; r < n; r++) if (Math.Abs(m[r, c]) > Math.Abs(m[pivot, c])) pivot = r;
            for (int k = 0; k < n; k++) (m[c, k], m[pivot, k]) = (m[pivot, k], m[c, k]);
            (v[c], v[pivot]) = (v[pivot], v[c]);
            for (int r = c + 1; r < n; r++)
            {
                double f = m[r, c] / m[c, c];
                for (int k = c; k < n; k++) m[r, k] -= f * m[c, k];
                v[r] -= f * v[c];
            }
        }
        var s = new double[n];
        for (int r = n - 1; r >= 0; r--)
        {
            double sum = v[r];
            for (int k = r + 1; k < n; k++) sum -= m[r, k] * s[k];
            s[r] = sum / m[r, r];
        }
        return s;
    }
}
