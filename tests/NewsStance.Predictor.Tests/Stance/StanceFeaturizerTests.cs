using NewsStance.Internal.Stance;

namespace NewsStance.Tests.Stance;

public sealed class StanceFeaturizerTests
{
    [Fact]
    public void Target_mention_and_aliases_are_masked()
    {
        // When
        var row = StanceFeaturizer.Build("Maduro is a good leader, and Nicolas Maduro helps us.", "Nicolas Maduro", 0, 6, "say", ["Maduro"]);

        // Then
        Assert.DoesNotContain("Maduro", row.Text);
        Assert.Equal(2, row.Text.Split(StanceFeaturizer.Mask).Length - 1);
        Assert.Contains("good", row.Window);
    }

    [Theory]
    [InlineData("Target")]   // the retailer
    [InlineData("TARGET")]
    public async Task A_target_named_like_the_mask_is_masked_once_per_mention_and_ends(string name)
    {
        // When: the mask the featurizer puts in is itself a whole-word match of the target's name
        var build = Task.Run(() => StanceFeaturizer.Build("Target cut prices, and shoppers praised Target for it.", name, -1, -1, "said", ["target"]));

        // Then: it ends (it once looped for ever), with both mentions masked
        var row = await build.WaitAsync(TimeSpan.FromSeconds(30)); // throws TimeoutException when masking never ends
        Assert.Equal(2, row.Text.Split(StanceFeaturizer.Mask).Length - 1);
        Assert.Contains("praised", row.Window);
    }

    [Fact]
    public void Words_after_a_negator_are_marked_and_counted_as_negated()
    {
        // When
        var row = StanceFeaturizer.Build("The mayor is not good for the city.", "the mayor", 0, 9, "said");

        // Then
        Assert.Contains("NEG_good", row.Negated);
        Assert.Equal(0, row.Polarity[0]);  // no plain positive word
        Assert.Equal(1, row.Polarity[4]);  // one negated positive word
    }

    [Fact]
    public void Missing_target_and_cue_use_placeholders()
    {
        // When
        var row = StanceFeaturizer.Build("Prices rose again this week.", null, -1, -1, null);

        // Then
        Assert.Equal("NOTARGET", row.Window);
        Assert.Equal("NONEG", row.Negated);
        Assert.Equal("none", row.Cue);
        Assert.Equal(0, row.Polarity[6]);
        Assert.Equal(8, row.Polarity.Length);
    }
}
