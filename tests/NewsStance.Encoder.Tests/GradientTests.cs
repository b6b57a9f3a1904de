namespace NewsStance.Encoder.Tests;

/// <summary>Every trainable weight's gradient agrees with a central finite difference of the loss.</summary>
public class GradientTests
{
    private static readonly EncoderConfig Tiny = new(Layers: 2, Hidden: 32, Heads: 2, Intermediate: 64, Vocabulary: 40, MaxPositions: 16);

    private static EncoderBatch Batch() => new([[1, 7, 3, 9, 2], [1, 4, 2]], [[0, 0, 0, 1, 1], [0, 0, 0]]);

    /// <summary>A fixed random projection of the valid rows of the output: a loss every weight can move.</summary>
    private static double Loss(TransformerEncoder encoder, EncoderBatch batch, float[] projection)
    {
        var output = encoder.Forward(batch).Output;
        double loss = 0;
        for (int b = 0; b < batch.Count; b++)
            for (int t = 0; t < batch.Ids[b].Length; t++)
                for (int j = 0; j < Tiny.Hidden; j++)
                {
                    int i = (b * batch.Length + t) * Tiny.Hidden + j;
                    loss += output[i] * projection[i];
                }
        return loss;
    }

    [Fact]
    public void Backward_agrees_with_finite_differences_for_every_layer()
    {
        // Given
        var encoder = EncoderFactory.Random(Tiny, seed: 11);
        var batch = Batch();
        var random = new Random(5);
        var projection = Enumerable.Range(0, batch.Count * batch.Length * Tiny.Hidden).Select(_ => random.NextSingle() - 0.5f).ToArray();
        for (int b = 0; b < batch.Count; b++)
            for (int t = batch.Ids[b].Length; t < batch.Length; t++)
                Array.Clear(projection, (b * batch.Length + t) * Tiny.Hidden, Tiny.Hidden);

        // When
        var pass = encoder.Forward(batch, keepActivations: true);
        encoder.Backward(pass, (float[])projection.Clone());

        // Then: sample weights of every trainable tensor
        foreach (var p in encoder.Parameters.Where(p => p.Trainable))
        {
            for (int s = 0; s < 6; s++)
            {
                int i = random.Next(p.Length);
                float saved = p.Value[i];
                const float eps = 1e-2f;
                p.Value[i] = saved + eps; double up = Loss(encoder, batch, projection);
                p.Value[i] = saved - eps; double down = Loss(encoder, batch, projection);
                p.Value[i] = saved;
                double numeric = (up - down) / (2 * eps);
                double analytic = p.Grad[i];
                Assert.True(Math.Abs(numeric - analytic) <= 2e-3 + 2e-2 * Math.Abs(numeric),
                    $"{p.Name}[{i}]: analytic {analytic}, numeric {numeric}");
            }
        }
    }
}

public class PartialTrainingTests
{
    [Fact]
    public void Training_only_the_top_layer_leaves_the_rest_frozen()
    {
        // Given the packaged encoder cut to two layers, the top one trainable
        var encoder = EncoderFactory.FromOnnx(NewsStance.Semantic.SentenceModel.ArcticXs.LoadOnnx(), trainable: true, layers: 2, trainTop: 1);
        var batch = new EncoderBatch([[101, 2023, 2003, 1037, 3231, 102]], [new int[6]]);

        // When
        var pass = encoder.Forward(batch, keepActivations: true);
        var gradient = new float[pass.Output.Length];
        Array.Fill(gradient, 0.01f);
        encoder.Backward(pass, gradient);

        // Then
        Assert.All(encoder.Layers[0].Parameters, p => Assert.False(p.Trainable));
        Assert.False(encoder.NormGamma.Trainable);
        Assert.All(encoder.Layers[1].Parameters, p => Assert.True(p.Trainable));
        Assert.Contains(encoder.Layers[1].Parameters, p => p.Grad.Any(g => g != 0));
    }
}
