using NewsStance.Internal.Stance;

namespace NewsStance.Semantic.Tests;

/// <summary>The semantic feature block: which texts are embedded, how, and how often.</summary>
public sealed class SemanticFeaturizerTests
{
    /// <summary>Records every call; each text becomes a vector of its length in every slot.</summary>
    private sealed class CountingEmbedder : ITextEmbedder
    {
        public List<IReadOnlyList<string>> Calls { get; } = [];
        public int Dimension => 3;

        public float[][] Embed(IReadOnlyList<string> texts)
        {
            lock (Calls) Calls.Add(texts.ToList());
            return texts.Select(t => Enumerable.Repeat((float)t.Length, Dimension).ToArray()).ToArray();
        }
    }

    [Fact]
    public void Window_text_puts_the_placeholder_where_the_target_was()
    {
        // Given
        var masked = StanceFeaturizer.Build("Critics said Mayor Jane Cole had failed the city badly.", "Jane Cole", 19, 28, null).Text;

        // When
        var window = SemanticFeaturizer.WindowText(masked);

        // Then
        Assert.Equal($"Critics said Mayor {SemanticFeaturizer.Placeholder} had failed the city badly.", window);
    }

    [Fact]
    public void Window_text_is_the_whole_text_when_the_target_is_not_mentioned()
    {
        Assert.Equal("Prices rose again.", SemanticFeaturizer.WindowText("Prices  rose\nagain."));
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
        float q = input.Text.Length, w = SemanticFeaturizer.WindowText(StanceFeaturizer.Build(input.Text, input.Target, 0, 4, null).Text).Length, t = "Jane Cole".Length;
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
