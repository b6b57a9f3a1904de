using NewsStance.Internal.Speakers;
using NewsStance.Tests.TestSupport;

namespace NewsStance.Tests.Speakers;

/// <summary>The speaker confidence: a calibrated probability that the chosen speaker is right.</summary>
public sealed class SpeakerConfidenceTests
{
    private static readonly float[] Top = new float[SpeakerFeatures.Count];

    private static readonly SpeakerCalibration Calibration =
        new(-1.0, new Dictionary<string, double> { ["top_score"] = 0.2, ["margin"] = 0.8, ["single_candidate"] = 2.5 });

    [Fact]
    public void A_lone_candidate_gets_more_confidence_than_two_close_ones()
    {
        // When
        double alone = Calibration.Confidence([3f], 0, Top);
        double close = Calibration.Confidence([3f, 2.9f], 0, Top);

        // Then
        Assert.True(alone > close, $"alone {alone} vs close {close}");
    }

    [Fact]
    public void A_wider_margin_gives_more_confidence()
    {
        Assert.True(Calibration.Confidence([3f, 0f, -1f], 0, Top) > Calibration.Confidence([3f, 2f, -1f], 0, Top));
    }

    [Theory]
    [InlineData(new[] { 1e6f, -1e6f })]
    [InlineData(new[] { -1e6f, -1e6f })]
    [InlineData(new[] { 0f })]
    [InlineData(new[] { -40f, -41f, -41f })]
    public void Confidence_is_between_0_and_1_however_extreme_the_scores(float[] scores)
    {
        int best = Array.IndexOf(scores, scores.Max());
        Assert.InRange(Calibration.Confidence(scores, best, Top), 0.0, 1.0);
        Assert.InRange(SpeakerCalibration.Softmax(scores, best), 0.0, 1.0);
    }

    [Fact]
    public void Ranking_features_are_top_score_margin_whether_alone_and_the_frame()
    {
        var framed = new float[SpeakerFeatures.Count];
        framed[SpeakerFeatures.IndexOf("frame_subject")] = 1;
        framed[SpeakerFeatures.IndexOf("quote_has_frame")] = 1;
        Assert.Equal([2.5, 1.5, 0, 1, 1], SpeakerCalibration.Features([1f, 2.5f, -3f], 1, framed));
        Assert.Equal([2.5, 0, 1, 0, 0], SpeakerCalibration.Features([2.5f], 0, Top));
    }

    [Fact]
    public void Unknown_feature_name_is_refused()
    {
        var e = Assert.Throws<ArgumentException>(() => new SpeakerCalibration(0, new Dictionary<string, double> { ["loudness"] = 1 }));
        Assert.Contains("loudness", e.Message);
    }

    [Fact]
    public void Without_calibration_the_ranker_keeps_the_softmax()
    {
        // Given
        var plain = new SpeakerRanker(RuleSpeakerScorer.Instance);
        var calibrated = new SpeakerRanker(RuleSpeakerScorer.Instance, Calibration);
        float[] scores = [2f, 1f];

        // Then
        Assert.Equal(1 / (1 + Math.Exp(-1)), plain.Confidence(scores, 0, Top), 9);
        Assert.Equal(Calibration.Confidence(scores, 0, Top), calibrated.Confidence(scores, 0, Top), 9);
    }

    [Fact]
    public void Rules_only_a_quote_with_one_obvious_speaker_is_surer_than_one_between_two_close_people()
    {
        // Given: a quote its speaker frames, and a bare quote after a sentence naming two people
        const string framed = "\"The bridge will open in May,\" Anna Berg said.";
        const string between = "Tom Weller met Anna Berg in the town hall on Monday. \"The bridge will open in May.\"";

        // When
        var sure = Articles.Single(Articles.Score(framed)).Speaker!;
        var unsure = Articles.Single(Articles.Score(between)).Speaker!;

        // Then
        Assert.Equal("Anna Berg", sure.Name);
        Assert.True(sure.Confidence > unsure.Confidence, $"framed {sure.Confidence} vs between two people {unsure.Confidence}");
        Assert.InRange(unsure.Confidence, 0.0, 1.0);
    }
}
