namespace NewsStance.Encoder.Tests;

public class GemmTests
{
    [Theory]
    [InlineData(8, 16, 64)]
    [InlineData(7, 13, 37)]
    [InlineData(64, 384, 96)]
    [InlineData(1, 5, 3)]
    public void Products_match_the_textbook_loop(int m, int k, int n)
    {
        // Given
        var random = new Random(1);
        float[] R(int len) => Enumerable.Range(0, len).Select(_ => random.NextSingle() - 0.5f).ToArray();
        var a = R(m * k); var b = R(k * n); var prior = R(m * n);
        var expected = new float[m * n];
        for (int i = 0; i < m; i++)
            for (int j = 0; j < n; j++)
            {
                double s = 0;
                for (int x = 0; x < k; x++) s += a[i * k + x] * b[x * n + j];
                expected[i * n + j] = (float)s;
            }

        // When
        var c = new float[m * n];
        Gemm.MatMul(a, b, c, m, k, n, parallel: true);
        var acc = (float[])prior.Clone();
        Gemm.MatMul(a, b, acc, m, k, n, accumulate: true);
        var ct = new float[m * n];
        Gemm.MatMulTransA(Gemm.Transpose(a, m, k), b, ct, m, k, n, accumulate: false, parallel: false);
        var cb = new float[m * n];
        Gemm.MatMulTransB(a, Gemm.Transpose(b, k, n), cb, m, k, n, accumulate: false, parallel: false);

        // Then
        for (int i = 0; i < m * n; i++)
        {
            Assert.InRange(c[i] - expected[i], -1e-4f, 1e-4f);
            Assert.InRange(acc[i] - expected[i] - prior[i], -1e-4f, 1e-4f);
            Assert.InRange(ct[i] - expected[i], -1e-4f, 1e-4f);
            Assert.InRange(cb[i] - expected[i], -1e-4f, 1e-4f);
        }
    }
}
