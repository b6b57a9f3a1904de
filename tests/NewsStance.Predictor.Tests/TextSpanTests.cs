namespace NewsStance.Tests;

public sealed class TextSpanTests
{
    [Fact]
    public void Span_is_half_open_and_reads_its_text()
    {
        // Given
        const string text = "Peskov told reporters";
        var span = new TextSpan(7, 11);

        // Then
        Assert.Equal(4, span.Length);
        Assert.Equal("told", span.Of(text));
        Assert.Equal("[7, 11)", span.ToString());
    }

    [Fact]
    public void Adjacent_spans_do_not_overlap_but_shared_code_units_do()
    {
        // Given
        var a = new TextSpan(0, 5);

        // Then
        Assert.False(a.Overlaps(new TextSpan(5, 9)));
        Assert.True(a.Overlaps(new TextSpan(4, 9)));
        Assert.True(a.Contains(new TextSpan(1, 5)));
        Assert.False(a.Contains(new TextSpan(1, 6)));
    }
}
