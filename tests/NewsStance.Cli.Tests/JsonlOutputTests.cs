using System.Text.Json;
using NewsStance.Cli.Tests.Support;

namespace NewsStance.Cli.Tests;

/// <summary><c>score --format jsonl</c>: the contract of spec/OUTPUT.md §2.</summary>
public sealed class JsonlOutputTests
{
    [Fact]
    public void Score_one_file_writes_the_expected_jsonl_line()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("miller.txt", Articles.OneQuote);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("", result.Error);
        Assert.Equal(
            """{"article_id":"miller","date":null,"dateline":null,"quotes":[{"type":"direct","text":"Taxes are too high","content_spans":[[1,19]],"cue":{"text":"said","span":[34,38]},"speaker":{"mention":"Jane Miller","span":[22,33],"name":"Jane Miller","kind":"person","role":null,"confidence":0.992},"stance":[]}]}""" + "\n",
            result.Output);
    }

    [Fact]
    public void Wire_article_output_has_every_spec_field_in_order()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("sputnik-venezuela.txt", Articles.Wire);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        var article = Jsonl.Single(result.Output);
        Jsonl.AssertFollowsSpec(article);
        Assert.Equal("sputnik-venezuela", article.GetProperty("article_id").GetString());
        Assert.Equal("2019-09-26", article.GetProperty("date").GetString());
        Assert.Equal("MOSCOW (Sputnik)", article.GetProperty("dateline").GetString());
        var quotes = Jsonl.Quotes(article);
        Assert.Equal(2, quotes.Length);
        Assert.Equal("direct", quotes[0].GetProperty("type").GetString());
        Assert.Equal("indirect", quotes[1].GetProperty("type").GetString());
    }

    [Fact]
    public void Wire_article_offsets_point_at_the_stated_text()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("wire.txt", Articles.Wire);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", path);

        // Then
        var article = Jsonl.Single(result.Output);
        Jsonl.AssertOffsetsMatch(article, Articles.Wire);
        var first = Jsonl.Quotes(article)[0];
        int start = Articles.Wire.IndexOf("We support", StringComparison.Ordinal);
        int end = Articles.Wire.IndexOf(",\" Kremlin", StringComparison.Ordinal);
        Assert.Equal((start, end), Jsonl.Span(first.GetProperty("content_spans")[0]));
        Assert.Equal("told", first.GetProperty("cue").GetProperty("text").GetString());
    }

    [Fact]
    public void Speaker_carries_mention_name_kind_and_role()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("wire.txt", Articles.Wire);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", path);

        // Then
        var quotes = Jsonl.Quotes(Jsonl.Single(result.Output));
        var second = quotes[1].GetProperty("speaker");
        Assert.Equal("Peskov", second.GetProperty("mention").GetString());
        Assert.Equal("Dmitry Peskov", second.GetProperty("name").GetString());
        Assert.Equal("person", second.GetProperty("kind").GetString());
        Assert.Equal("Kremlin spokesman", second.GetProperty("role").GetString());
        int at = Articles.Wire.IndexOf("Peskov said", StringComparison.Ordinal);
        Assert.Equal((at, at + "Peskov".Length), Jsonl.Span(second.GetProperty("span")));
    }

    [Fact]
    public void Plain_article_keeps_offsets_after_its_title()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("senate.txt", Articles.Plain);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        var article = Jsonl.Single(result.Output);
        Jsonl.AssertFollowsSpec(article);
        Jsonl.AssertOffsetsMatch(article, Articles.Plain);
        Assert.Equal(JsonValueKind.Null, article.GetProperty("date").ValueKind);
        Assert.Equal(JsonValueKind.Null, article.GetProperty("dateline").ValueKind);
        var quotes = Jsonl.Quotes(article);
        Assert.Equal(["This budget is a disaster for working families", "the bill will be signed next week"],
            quotes.Select(q => q.GetProperty("text").GetString()));
        var whiteHouse = quotes[1].GetProperty("speaker");
        Assert.Equal("organization", whiteHouse.GetProperty("kind").GetString());
        Assert.Equal("According to", quotes[1].GetProperty("cue").GetProperty("text").GetString());
    }

    [Fact]
    public void Split_direct_quote_is_one_quote_with_two_spans()
    {
        // Given
        const string text = "\"The talks went well,\" Jane Miller said, \"and we will meet again in May.\"\n";
        using var dir = new TempFolder();
        var path = dir.Write("split.txt", text);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", path);

        // Then
        var article = Jsonl.Single(result.Output);
        Jsonl.AssertOffsetsMatch(article, text);
        var quote = Assert.Single(Jsonl.Quotes(article));
        var spans = quote.GetProperty("content_spans").EnumerateArray().Select(Jsonl.Span).ToArray();
        Assert.Equal(2, spans.Length);
        Assert.Equal("The talks went well", Jsonl.Of(text, spans[0]));
        Assert.Equal("and we will meet again in May.", Jsonl.Of(text, spans[1]));
    }

    [Fact]
    public void Rules_only_scores_no_stance()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("wire.txt", Articles.Wire);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", "--target", "Nicolas Maduro|Venezuela", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.All(Jsonl.Quotes(Jsonl.Single(result.Output)), q => Assert.Equal(0, q.GetProperty("stance").GetArrayLength()));
    }

    [Fact]
    public void Article_without_quotes_gives_an_empty_quote_list()
    {
        // Given
        using var dir = new TempFolder();
        var path = dir.Write("weather.txt", Articles.NoQuote);

        // When
        var result = Newsstance.Run("score", "--rules-only", "--format", "jsonl", path);

        // Then
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("{\"article_id\":\"weather\",\"date\":null,\"dateline\":null,\"quotes\":[]}\n", result.Output);
    }
}
