using NewsStance.Internal.Stance;

namespace NewsStance.Semantic.Tests;

/// <summary>The semantic feature block: which texts are embedded, how, and how often.</summary>
public sealed class SemanticFeaturizerTests
{
    /// <summary>Records every call; each text becomes a vector of its length in every slot, each span one of its length.</summary>
    private sealed class CountingEmbedder : ITextEmbedder
    {
        public List<IReadOnlyList<string>> Calls { get; } = [];
        public List<WordSpan> Spans { get; } = [];
        public int Dimension => 3;

        public (float[][] Texts, float[][] Spans) Embed(IReadOnlyList<string> texts, IReadOnlyList<WordSpan> spans)
        {
            lock (Calls) { Calls.Add(texts.ToList()); Spans.AddRange(spans); }
            return (texts.Select(t => Fill(t.Length)).ToArray(), spans.Select(s => Fill(s.End - s.Start)).ToArray());
        }

        private float[] Fill(int x) => Enumerable.Repeat((float)x, Dimension).ToArray();
    }

    [Fact]
    public void Window_is_the_words_around_the_mention_less_the_mention()
    {
        // Given: 12 words before "Jane Cole" and 10 after
        var text = "One two three four five six seven eight nine ten eleven twelve Jane Cole had failed the city badly again and again and again.";
        int start = text.IndexOf("Jane Cole", StringComparison.Ordinal), end = start + "Jane Cole".Length;

        // When
        var window = SemanticFeaturizer.Window(7, text, start, end);

        // Then: eight words either side, the mention skipped
        Assert.Equal(7, window.Text);
        Assert.Equal("five six seven eight nine ten eleven twelve Jane Cole had failed the city badly again and again", text[window.Start..window.End]);
        Assert.Equal("Jane Cole", text[window.SkipStart..window.SkipEnd]);
    }

    [Fact]
    public void Window_covers_the_whole_word_when_the_mention_is_part_of_one()
    {
        // Given: the mention is "Cole" inside "Cole's"
        var text = "Critics said Cole's plan had failed.";

        // When
        var window = SemanticFeaturizer.Window(0, text, 13, 17);

        // Then
        Assert.Equal((0, text.Length), (window.Start, window.End));
        Assert.Equal("Cole's", text[window.SkipStart..window.SkipEnd]);
    }

    [Theory]
    [InlineData(-1, -1)]
    [InlineData(5, 5)]
    [InlineData(10, 400)]
    public void Window_is_the_whole_text_without_a_usable_mention(int start, int end)
    {
        var window = SemanticFeaturizer.Window(2, "Prices  rose\nagain.", start, end);

        Assert.Equal(new WordSpan(2, 0, "Prices  rose\nagain.".Length), window);
    }

    [Fact]
    public void One_call_embeds_every_distinct_text_once_and_targets_are_cached()
    {
        // Given
        var embedder = new CountingEmbedder();
        var featurizer = new SemanticFeaturizer(embedder);
        SemanticInput[] inputs =
        [
            new("Cole has failed the city.", "Jane Cole", 0, 4, "say"),
            new("Cole has failed the city.", "the council", -1, -1, "say"),
            new("Ruiz praised the plan.", "Jane Cole", -1, -1, null),
        ];

        // When
        var first = featurizer.Build(inputs);
        var second = featurizer.Build([new SemanticInput("Cole spoke.", "Jane Cole", 0, 4, null)]);

        // Then
        Assert.Single(embedder.Calls[0], t => t == "Cole has failed the city.");
        Assert.Single(embedder.Calls[0], t => t == "Jane Cole");
        Assert.Contains("the council", embedder.Calls[0]);
        Assert.Equal(2, embedder.Calls.Count);
        Assert.DoesNotContain("Jane Cole", embedder.Calls[1]);
        Assert.All(first.Concat(second), r => Assert.Equal(featurizer.Size, r.Semantic.Length));
        Assert.Equal(SemanticFeaturizer.Blocks.Count * 3, featurizer.Size);
    }

    [Fact]
    public void Blocks_hold_quote_window_and_their_products_with_the_target()
    {
        // Given
        var featurizer = new SemanticFeaturizer(new CountingEmbedder());
        var input = new SemanticInput("Cole has failed the city.", "Jane Cole", 0, 4, null);

        // When
        var row = featurizer.Build([input])[0];

        // Then: the fake vector of a text is its length in every slot
        var window = SemanticFeaturizer.Window(0, input.Text, 0, 4);
        float q = input.Text.Length, w = window.End - window.Start, t = "Jane Cole".Length;
        Assert.Equal([q, q, q, w, w, w, q * t, q * t, q * t, w * t, w * t, w * t], row.Semantic);
        Assert.Equal(StanceFeaturizer.Build(input.Text, input.Target, 0, 4, null).Text, row.Text);
    }

    [Fact]
    public void Row_without_a_target_gets_zero_product_blocks()
    {
        // Given
        var featurizer = new SemanticFeaturizer(new CountingEmbedder());

        // When
        var row = featurizer.Build([new SemanticInput("Prices rose.", null, -1, -1, null)])[0];

        // Then
        Assert.All(row.Semantic[6..], x => Assert.Equal(0f, x));
        Assert.Equal(12, row.Semantic.Length);
    }
}
