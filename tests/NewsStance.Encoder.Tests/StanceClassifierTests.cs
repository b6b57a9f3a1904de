using NewsStance.Semantic;

namespace NewsStance.Encoder.Tests;

public class StanceClassifierTests
{
    private static readonly EncoderConfig Tiny = new(Layers: 2, Hidden: 32, Heads: 2, Intermediate: 64, Vocabulary: 40, MaxPositions: 32);

    [Fact]
    public void A_quote_toward_two_named_targets_scores_as_if_encoded_twice()
    {
        // Given one token sequence pooled at two different mentions
        var classifier = new StanceClassifier(EncoderFactory.Random(Tiny, seed: 2), classes: 3, seed: 4);
        int[] ids = [1, 5, 6, 7, 8, 9, 2];
        var first = new EncodedExample(ids, new int[ids.Length], [1, 2]);
        var second = new EncodedExample(ids, new int[ids.Length], [4]);

        // When
        var together = classifier.Predict([first, second]);
        var alone = new[] { classifier.Predict([first])[0], classifier.Predict([second])[0] };

        // Then
        for (int i = 0; i < 2; i++)
            for (int k = 0; k < 3; k++)
                Assert.Equal(alone[i][k], together[i][k], 5);
        Assert.NotEqual(together[0][0], together[1][0]);
    }

    [Fact]
    public void Training_steps_learn_a_toy_stance_task()
    {
        // Given token 10 means favor, 11 against, 12 neutral, among random filler
        var classifier = new StanceClassifier(EncoderFactory.Random(Tiny, seed: 3), classes: 3, seed: 5);
        var optimizer = new AdamW(classifier.Parameters);
        var random = new Random(9);
        EncodedExample Example(int label)
        {
            var ids = new int[8];
            ids[0] = 1;
            for (int i = 1; i < 8; i++) ids[i] = random.Next(20, 40);
            ids[random.Next(2, 8)] = 10 + label;
            return new EncodedExample(ids, new int[8], [1]);
        }
        var labels = Enumerable.Range(0, 48).Select(i => i % 3).ToArray();
        var examples = labels.Select(Example).ToArray();

        // When
        double first = 0, last = 0;
        for (int step = 0; step < 60; step++)
        {
            foreach (var p in classifier.Parameters) if (p.Trainable) p.ZeroGrad();
            var loss = classifier.TrainBatch(examples, labels, dropout: 0, random, parallel: false);
            if (step == 0) first = loss;
            last = loss;
            optimizer.ClipGradients(1);
            optimizer.Step(3e-3f);
        }

        // Then
        Assert.True(last < first / 4, $"loss {first:0.000} -> {last:0.000}");
        var predicted = classifier.Predict(examples).Select(p => Array.IndexOf(p, p.Max())).ToArray();
        Assert.True(predicted.Zip(labels).Count(x => x.First == x.Second) >= 44);
    }
}

public class StanceEncodingTests
{
    private static readonly StanceEncoding Encoding = new(new WordTokenizer(SentenceModel.ArcticXs, 32));

    [Fact]
    public void A_target_named_in_the_quote_pools_its_mention_tokens()
    {
        const string text = "The mayor praised Councillor Okafor for the budget.";
        var e = Encoding.Encode(text, "Grace Okafor", text.IndexOf("Councillor", StringComparison.Ordinal), text.IndexOf(" for", StringComparison.Ordinal));
        Assert.All(e.Segments, s => Assert.Equal(0, s));
        var mention = Encoding.Tokenizer.WordIdsOf("Councillor").Concat(Encoding.Tokenizer.WordIdsOf("Okafor")).Select(i => (int)i);
        Assert.Equal(mention, e.TargetTokens.Select(t => e.Ids[t]));
    }

    [Fact]
    public void A_target_not_in_the_quote_follows_as_a_second_segment()
    {
        var e = Encoding.Encode("We cannot afford to wait another decade.", "climate action", 0, 0);
        var target = Encoding.Tokenizer.WordIdsOf("climate").Concat(Encoding.Tokenizer.WordIdsOf("action")).Select(i => (int)i).ToArray();
        Assert.Equal(target, e.TargetTokens.Select(t => e.Ids[t]));
        Assert.All(e.TargetTokens, t => Assert.Equal(1, e.Segments[t]));
        Assert.Equal((int)Encoding.Tokenizer.SepId, e.Ids[^1]);
        Assert.Equal((int)Encoding.Tokenizer.SepId, e.Ids[e.TargetTokens[0] - 1]);
    }

    [Fact]
    public void A_long_quote_is_cut_to_leave_room_for_its_target()
    {
        var text = string.Join(' ', Enumerable.Repeat("council", 100));
        var e = Encoding.Encode(text, "the new bridge", 0, 0);
        Assert.True(e.Ids.Length <= 32);
        Assert.Equal(3, e.TargetTokens.Length);
    }
}
