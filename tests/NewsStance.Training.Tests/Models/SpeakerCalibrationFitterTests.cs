using NewsStance.Internal.Speakers;
using NewsStance.Training.Models;

namespace NewsStance.Training.Tests.Models;

/// <summary>Platt scaling of the speaker ranking, fitted by logistic regression.</summary>
public sealed class SpeakerCalibrationFitterTests
{
    /// <summary>Quotes whose choice is right more often the wider the margin; lone candidates are nearly always right.</summary>
    private static readonly float[] Top = new float[SpeakerFeatures.Count];

    private static List<RankedQuote> Quotes()
    {
        var random = new Random(3);
        var quotes = new List<RankedQuote>();
        for (int n = 0; n < 2000; n++)
        {
            if (n % 4 == 0) { quotes.Add(new RankedQuote([(float)random.NextDouble()], 0, Top, random.NextDouble() < 0.97)); continue; }
            float margin = (float)(random.NextDouble() * 4);
            double p = 1 / (1 + Math.Exp(-(2 * margin - 1)));
            quotes.Add(new RankedQuote([2f, 2f - margin], 0, Top, random.NextDouble() < p));
        }
        return quotes;
    }

    [Fact]
    public void Fitted_confidence_matches_the_share_right_and_grows_with_the_margin()
    {
        // Given
        var quotes = Quotes();

        // When
        var c = SpeakerCalibrationFitter.Fit(quotes, SpeakerCalibrationFitter.RankerFeatures);

        // Then: logistic regression with a free intercept matches the mean exactly; the margin weight comes out near 2
        Assert.Equal(quotes.Average(q => q.Right ? 1.0 : 0.0), quotes.Average(q => c.Confidence(q.Scores, q.Best, q.Top)), 6);
        Assert.InRange(c.Weights["margin"], 1.5, 2.5);
        Assert.True(c.Weights["single_candidate"] > 0);
        Assert.True(c.Confidence([2f], 0, Top) > c.Confidence([2f, 1.9f], 0, Top));
        Assert.Equal(0, c.Weights["top_frame_subject"]);
    }

    [Fact]
    public void Ranked_quote_is_right_when_the_top_score_is_the_gold_candidate()
    {
        float[][] features = [[1f], [2f], [3f]];
        Assert.True(RankedQuote.Of([0.1f, 0.9f, 0.3f], features, 1).Right);
        Assert.False(RankedQuote.Of([0.1f, 0.9f, 0.3f], features, 2).Right);
        var noGold = RankedQuote.Of([0.1f, 0.9f], features, -1);
        Assert.False(noGold.Right);
        Assert.Equal(1, noGold.Best);
        Assert.Same(features[1], noGold.Top);
    }

    [Fact]
    public void Unknown_feature_is_refused()
    {
        Assert.Throws<ArgumentException>(() => SpeakerCalibrationFitter.Fit(Quotes(), ["loudness"]));
    }
}
