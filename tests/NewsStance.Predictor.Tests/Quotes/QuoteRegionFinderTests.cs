using NewsStance.Internal.Quotes;
using NewsStance.Tests.TestSupport;

namespace NewsStance.Tests.Quotes;

public sealed class QuoteRegionFinderTests
{
    [Fact]
    public void Paired_marks_give_one_region_with_the_inner_text()
    {
        // Given
        const string text = "He said “the vote is final” and left.";

        // When
        var regions = QuoteRegionFinder.Find(Articles.Read(text));

        // Then
        var region = Assert.Single(regions);
        Assert.Equal(new[] { Articles.SpanOf(text, "the vote is final") }, region.Pieces);
        Assert.Equal(Articles.SpanOf(text, "“the vote is final”"), region.Outer);
        Assert.Equal(4, region.Words);
    }

    [Fact]
    public void Quotation_reopened_in_the_next_paragraph_is_one_region()
    {
        // Given
        const string text = "\"First we fix the roads.\n\"Then we fix the schools.\"\nThe end.";

        // When
        var regions = QuoteRegionFinder.Find(Articles.Read(text));

        // Then
        var region = Assert.Single(regions);
        Assert.Equal(
            new[] { Articles.SpanOf(text, "First we fix the roads."), Articles.SpanOf(text, "Then we fix the schools.") },
            region.Pieces);
        Assert.Equal(0, region.Outer.Start);
        Assert.Equal(text.IndexOf("The end", StringComparison.Ordinal) - 1, region.Outer.End);
    }

    [Fact]
    public void Unbalanced_mark_closes_at_paragraph_end_when_next_paragraph_does_not_reopen()
    {
        // Given
        const string text = "\"First we fix the roads.\nThen the council voted.";

        // When
        var regions = QuoteRegionFinder.Find(Articles.Read(text));

        // Then
        var region = Assert.Single(regions);
        Assert.Equal(new[] { Articles.SpanOf(text, "First we fix the roads.") }, region.Pieces);
        Assert.Equal(new TextSpan(0, text.IndexOf('\n')), region.Outer);
    }

    [Fact]
    public void Stray_closing_mark_does_not_open_a_region()
    {
        // Given
        const string text = "The vote ended” and then “the count began” late.";

        // When
        var regions = QuoteRegionFinder.Find(Articles.Read(text));

        // Then
        var region = Assert.Single(regions);
        Assert.Equal(new[] { Articles.SpanOf(text, "the count began") }, region.Pieces);
    }

    [Fact]
    public void Two_quotations_in_one_paragraph_are_two_regions()
    {
        // Given
        const string text = "\"Yes,\" she said, and later \"no\" to the second offer.";

        // When
        var regions = QuoteRegionFinder.Find(Articles.Read(text));

        // Then
        Assert.Equal(
            new[] { Articles.SpanOf(text, "Yes"), Articles.SpanOf(text, "no") },
            regions.SelectMany(r => r.Pieces));
    }
}
