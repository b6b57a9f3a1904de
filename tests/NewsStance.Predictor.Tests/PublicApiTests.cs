using NewsStance.Tests.PublicApi;

namespace NewsStance.Tests;

/// <summary>
/// The public surface of the Predictor is approved text (NewsStance.Predictor.approved.txt beside this file): a change
/// to it shows up here as a diff to review, never by accident.
/// </summary>
public sealed class PublicApiTests
{
    [Fact]
    public void Predictor_public_api_matches_the_approved_text() => PublicApiApproval.Verify(typeof(NewsScorer).Assembly);

    [Fact]
    public void Diff_marks_removed_and_added_lines_in_order()
    {
        // When
        var diff = PublicApiApproval.Diff("a\nb\nc\nd", "a\nc\nx\nd");

        // Then
        Assert.Equal("- b\n+ x", diff);
    }
}
