using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace NewsStance.Encoder;

/// <summary>
/// Dense matrix products on row-major float arrays: C = A·B, and the transposed forms the backward pass
/// needs. The inner kernel keeps a 4×32 block of C in eight AVX-512 registers while it walks K, reading a
/// packed, contiguous K×32 panel of B, so each B element loaded serves four rows of A. Column panels are
/// shared out between threads when <c>parallel</c> is set (training); scoring runs one product per thread
/// and parallelises over articles instead.
/// </summary>
internal static unsafe class Gemm
{
    private const int Rows = 4;
    private const int Cols = 32;

    /// <summary>C[M×N] (+)= A[M×K] · B[K×N]; lda/ldb/ldc are row strides.</summary>
    public static void MatMul(float[] a, int aOffset, int lda, float[] b, int bOffset, int ldb, float[] c, int cOffset, int ldc,
        int m, int k, int n, bool accumulate, bool parallel)
        => Product(new(a, aOffset, lda, 1), new(b, bOffset, ldb, false), c, cOffset, ldc, m, k, n, accumulate, parallel);

    /// <summary>How to read A: element (row, kk) is at Offset + row·RowStride + kk·KStride (a transpose is just other strides).</summary>
    private readonly record struct Left(float[] Data, int Offset, int RowStride, int KStride);

    /// <summary>How to read B: row-major K×N with row stride Ld, or (Transposed) stored N×K.</summary>
    private readonly record struct Right(float[] Data, int Offset, int Ld, bool Transposed);

    private static void Product(Left a, Right b, float[] c, int cOffset, int ldc, int m, int k, int n, bool accumulate, bool parallel)
    {
        if (m == 0 || n == 0) return;
        if (k == 0) { if (!accumulate) for (int i = 0; i < m; i++) Array.Clear(c, cOffset + i * ldc, n); return; }
        int panels = (n + Cols - 1) / Cols;
        if (parallel && panels > 1 && (long)m * n * k > 1 << 18)
            Parallel.For(0, panels, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, () => new float[k * Cols],
                (p, _, panel) => { Panel(a, b, c, cOffset, ldc, m, k, n, accumulate, p, panel); return panel; }, _ => { });
        else
        {
            var panel = new float[k * Cols];
            for (int p = 0; p < panels; p++) Panel(a, b, c, cOffset, ldc, m, k, n, accumulate, p, panel);
        }
    }

    /// <summary>C = A·B for whole, tightly packed matrices.</summary>
    public static void MatMul(float[] a, float[] b, float[] c, int m, int k, int n, bool accumulate = false, bool parallel = false)
        => MatMul(a, 0, k, b, 0, n, c, 0, n, m, k, n, accumulate, parallel);

    /// <summary>C[M×N] (+)= Aᵀ·B where A is stored K×M (weight gradients: Xᵀ·dY).</summary>
    public static void MatMulTransA(float[] a, float[] b, float[] c, int m, int k, int n, bool accumulate, bool parallel)
        => Product(new(a, 0, 1, m), new(b, 0, n, false), c, 0, n, m, k, n, accumulate, parallel);

    /// <summary>C[M×N] (+)= A·Bᵀ where B is stored N×K (input gradients: dY·Wᵀ).</summary>
    public static void MatMulTransB(float[] a, float[] b, float[] c, int m, int k, int n, bool accumulate, bool parallel)
        => Product(new(a, 0, k, 1), new(b, 0, k, true), c, 0, n, m, k, n, accumulate, parallel);

    /// <summary>The transpose of a rows×cols matrix.</summary>
    public static float[] Transpose(float[] x, int rows, int cols)
    {
        var t = new float[x.Length];
        const int block = 32;
        for (int i0 = 0; i0 < rows; i0 += block)
            for (int j0 = 0; j0 < cols; j0 += block)
            {
                int i1 = Math.Min(rows, i0 + block), j1 = Math.Min(cols, j0 + block);
                for (int i = i0; i < i1; i++)
                    for (int j = j0; j < j1; j++)
                        t[j * rows + i] = x[i * cols + j];
            }
        return t;
    }

    private static void Panel(Left a, Right b, float[] c, int cOffset, int ldc, int m, int k, int n, bool accumulate, int p, float[] panel)
    {
        int j0 = p * Cols, width = Math.Min(Cols, n - j0);
        // Pack B[:, j0..j0+width) contiguously, zero-padded to 32 columns.
        if (!b.Transposed)
            for (int kk = 0; kk < k; kk++)
            {
                Array.Copy(b.Data, b.Offset + kk * b.Ld + j0, panel, kk * Cols, width);
                if (width < Cols) Array.Clear(panel, kk * Cols + width, Cols - width);
            }
        else
        {
            if (width < Cols) Array.Clear(panel);
            for (int j = 0; j < width; j++)
            {
                int row = b.Offset + (j0 + j) * b.Ld;
                for (int kk = 0; kk < k; kk++) panel[kk * Cols + j] = b.Data[row + kk];
            }
        }
        Span<float> tile = stackalloc float[Rows * Cols];
        bool avx = Avx512F.IsSupported;
        float[]? padded = null;
        fixed (float* pa = a.Data, pp = panel, pc = c, pt = tile)
        {
            for (int i = 0; i < m; i += Rows)
            {
                int rows = Math.Min(Rows, m - i);
                float* ai = pa + a.Offset + i * a.RowStride;
                if (!avx)
                {
                    Generic(ai, a.RowStride, a.KStride, rows, pp, k, pt);
                }
                else if (rows == Rows && width == Cols)
                {
                    Kernel4x32(ai, a.RowStride, a.KStride, pp, k, pc + cOffset + i * ldc + j0, ldc, accumulate);
                    continue;
                }
                else if (rows == Rows)
                {
                    Kernel4x32(ai, a.RowStride, a.KStride, pp, k, pt, Cols, accumulate: false);
                }
                else
                {
                    // The last rows: copy them into a zero-padded block of four so the kernel can run.
                    padded ??= new float[Rows * k];
                    Array.Clear(padded);
                    for (int r = 0; r < rows; r++)
                        for (int kk = 0; kk < k; kk++) padded[r * k + kk] = ai[r * a.RowStride + kk * a.KStride];
                    fixed (float* pad = padded) Kernel4x32(pad, k, 1, pp, k, pt, Cols, accumulate: false);
                }
                for (int r = 0; r < rows; r++)
                {
                    float* ci = pc + cOffset + (i + r) * ldc + j0;
                    float* ti = pt + r * Cols;
                    if (accumulate) for (int j = 0; j < width; j++) ci[j] += ti[j];
                    else for (int j = 0; j < width; j++) ci[j] = ti[j];
                }
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Kernel4x32(float* a, int rs, int ks, float* panel, int k, float* c, int ldc, bool accumulate)
    {
        var c00 = Vector512<float>.Zero; var c01 = Vector512<float>.Zero;
        var c10 = Vector512<float>.Zero; var c11 = Vector512<float>.Zero;
        var c20 = Vector512<float>.Zero; var c21 = Vector512<float>.Zero;
        var c30 = Vector512<float>.Zero; var c31 = Vector512<float>.Zero;
        float* a0 = a, a1 = a + rs, a2 = a + 2 * rs, a3 = a + 3 * rs;
        for (int kk = 0, off = 0; kk < k; kk++, off += ks)
        {
            var b0 = Avx512F.LoadVector512(panel + kk * Cols);
            var b1 = Avx512F.LoadVector512(panel + kk * Cols + 16);
            var x = Vector512.Create(a0[off]);
            c00 = Avx512F.FusedMultiplyAdd(x, b0, c00); c01 = Avx512F.FusedMultiplyAdd(x, b1, c01);
            x = Vector512.Create(a1[off]);
            c10 = Avx512F.FusedMultiplyAdd(x, b0, c10); c11 = Avx512F.FusedMultiplyAdd(x, b1, c11);
            x = Vector512.Create(a2[off]);
            c20 = Avx512F.FusedMultiplyAdd(x, b0, c20); c21 = Avx512F.FusedMultiplyAdd(x, b1, c21);
            x = Vector512.Create(a3[off]);
            c30 = Avx512F.FusedMultiplyAdd(x, b0, c30); c31 = Avx512F.FusedMultiplyAdd(x, b1, c31);
        }
        Store(c, c00, c01, accumulate);
        Store(c + ldc, c10, c11, accumulate);
        Store(c + 2 * ldc, c20, c21, accumulate);
        Store(c + 3 * ldc, c30, c31, accumulate);
    }

    private static void Store(float* c, Vector512<float> lo, Vector512<float> hi, bool accumulate)
    {
        if (accumulate)
        {
            lo += Avx512F.LoadVector512(c);
            hi += Avx512F.LoadVector512(c + 16);
        }
        Avx512F.Store(c, lo);
        Avx512F.Store(c + 16, hi);
    }

    /// <summary>Any row count up to 4 (and machines without AVX-512): one 32-wide row of C at a time.</summary>
    private static void Generic(float* a, int rs, int ks, int rows, float* panel, int k, float* tile)
    {
        for (int r = 0; r < rows; r++)
        {
            float* t = tile + r * Cols;
            for (int j = 0; j < Cols; j++) t[j] = 0;
            float* ar = a + r * rs;
            for (int kk = 0; kk < k; kk++)
            {
                float x = ar[kk * ks];
                if (x == 0) continue;
                float* bp = panel + kk * Cols;
                for (int j = 0; j < Cols; j++) t[j] += x * bp[j];
            }
        }
    }
}
