using System.Runtime.Intrinsics.X86;

namespace NewsStance.Internal.Stance;

/// <summary>
/// The n-gram stance model scored in plain C#, from its <see cref="StanceTables"/>: the featurisation
/// (<see cref="NgramBag"/> per text column, the cue one-hot, the polarity min-max scaling) and the linear multiclass
/// model with its softmax. The float arithmetic is ML.NET's own, step for step (the sparse dot product's SIMD
/// order, the softmax through a log-sum-exp), so the scores are ML.NET's to the last bit, not merely close:
/// results rounded to 3 decimals never differ. ML.NET's prediction engine costs several times more per quote.
/// Texts it cannot featurise exactly (<see cref="TryScore(StanceRow, Span{float})"/> returns false) are left to ML.NET.
/// </summary>
internal sealed class LinearStanceScorer
{
    private readonly NgramBag _text;
    private readonly NgramBag _window;
    private readonly NgramBag _negated;
    private readonly Dictionary<string, int> _cues;
    private readonly float[] _polarityScale;
    private readonly float[] _polarityOffset;
    private readonly int _windowAt, _negatedAt, _cueAt, _polarityAt;
    // Weights by feature, then class: the features of a quote are few, the classes three.
    private readonly float[] _weights;
    private readonly float[] _biases;

    public LinearStanceScorer(StanceTables tables)
    {
        Tables = tables;
        _text = new NgramBag(tables.Text.Slots, tables.Text.Kept, tables.Text.KeepPunctuation);
        _window = new NgramBag(tables.Window.Slots, tables.Window.Kept, tables.Window.KeepPunctuation);
        _negated = new NgramBag(tables.Negated.Slots, tables.Negated.Kept, tables.Negated.KeepPunctuation);
        _cues = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < tables.Cues.Length; i++) _cues.TryAdd(tables.Cues[i], i);
        (_polarityScale, _polarityOffset, _weights, _biases) = (tables.PolarityScale, tables.PolarityOffset, tables.Weights, tables.Biases);
        _windowAt = _text.Size;
        _negatedAt = _windowAt + _window.Size;
        _cueAt = _negatedAt + _negated.Size;
        _polarityAt = _cueAt + tables.Cues.Length;
    }

    /// <summary>The tables the scorer was built from.</summary>
    public StanceTables Tables { get; }

    /// <summary>The labels, in score order.</summary>
    public IReadOnlyList<string> Labels => Tables.Labels;

    /// <summary>The number of classes (scores per row).</summary>
    public int Classes => _biases.Length;

    /// <summary>
    /// Writes the row's class probabilities (in the model's score order) to <paramref name="scores"/>;
    /// false when a text holds something only ML.NET scores exactly (characters outside <see cref="NgramText.IsExact(char)"/>).
    /// </summary>
    public bool TryScore(StanceRow row, Span<float> scores) => TryScore(row, scores, new NgramBuffers());

    /// <summary><see cref="TryScore(StanceRow, Span{float})"/> with the working memory of this thread's earlier rows.</summary>
    public bool TryScore(StanceRow row, Span<float> scores, NgramBuffers buffers)
    {
        if (TryFeatures(row, buffers) is not { } features) return false;
        int classes = _biases.Length;
        Span<float> raw = stackalloc float[classes];
        for (int k = 0; k < classes; k++) raw[k] = _biases[k] + SparseDot(features, k);
        SoftMax(raw, scores);
        return true;
    }

    /// <summary>
    /// The row's feature vector as ML.NET's sparse vector holds it (entries by increasing index), in
    /// <paramref name="buffers"/>; null when only ML.NET featurises it exactly.
    /// </summary>
    internal List<KeyValuePair<int, float>>? TryFeatures(StanceRow row, NgramBuffers buffers)
    {
        var features = buffers.Features;
        features.Clear();
        if (!_text.TryAdd(row.Text, 0, features, buffers) || !_window.TryAdd(row.Window, _windowAt, features, buffers)
            || !_negated.TryAdd(row.Negated, _negatedAt, features, buffers))
            return null;
        if (_cues.TryGetValue(row.Cue, out int cue)) features.Add(new(_cueAt + cue, 1));
        // The scaled counts. Their entries in ML.NET's concatenated vector are all of them (zeros too) when at least
        // half are nonzero, else the nonzero ones alone; that matters, as the dot product's lanes fill by position.
        Span<float> scaled = stackalloc float[_polarityScale.Length];
        int nonzero = 0;
        for (int j = 0; j < scaled.Length; j++)
            if ((scaled[j] = ((j < row.Polarity.Length ? row.Polarity[j] : 0) - _polarityOffset[j]) * _polarityScale[j]) != 0) nonzero++;
        for (int j = 0; j < scaled.Length; j++)
            if (scaled[j] != 0 || 2 * nonzero >= scaled.Length) features.Add(new(_polarityAt + j, scaled[j]));
        // Each part adds its slots in increasing order and the columns come in index order: a sort is needed only when a
        // column's word slots come before its character slots, which ML.NET does not do.
        if (!InIndexOrder(features)) features.Sort(static (a, b) => a.Key.CompareTo(b.Key));
        // A vector this full may be held dense, whose dot product sums in another order: left to ML.NET.
        return 2 * features.Count >= _polarityAt + _polarityScale.Length ? null : features;
    }

    private static bool InIndexOrder(List<KeyValuePair<int, float>> features)
    {
        for (int i = 1; i < features.Count; i++) if (features[i].Key <= features[i - 1].Key) return false;
        return true;
    }

    /// <summary>
    /// Class <paramref name="k"/>'s weights times the features, summed in the order and precision of ML.NET's
    /// <c>CpuMathUtils.DotProductSparse</c> on this CPU: eight lanes of fused multiply-adds, four of products, then
    /// one at a time (AVX); four lanes (SSE); or one (neither).
    /// </summary>
    private float SparseDot(List<KeyValuePair<int, float>> features, int k)
    {
        int classes = _biases.Length, n = features.Count, i = 0;
        float Product(int at) => features[at].Value * _weights[features[at].Key * classes + k];
        if (Avx.IsSupported)
        {
            Span<float> lanes = stackalloc float[8];
            bool fused = Fma.IsSupported;
            for (; i + 8 <= n; i += 8)
                for (int j = 0; j < 8; j++)
                {
                    float value = features[i + j].Value, weight = _weights[features[i + j].Key * classes + k];
                    lanes[j] = fused ? MathF.FusedMultiplyAdd(value, weight, lanes[j]) : lanes[j] + weight * value;
                }
            float eights = ((lanes[0] + lanes[1]) + (lanes[2] + lanes[3])) + ((lanes[4] + lanes[5]) + (lanes[6] + lanes[7]));
            float rest = 0;
            if (i + 4 <= n)
            {
                rest = (Product(i) + Product(i + 1)) + (Product(i + 2) + Product(i + 3));
                i += 4;
            }
            for (; i < n; i++) rest += Product(i);
            return rest + eights;
        }
        if (Sse.IsSupported)
        {
            Span<float> lanes = stackalloc float[4];
            for (; i + 4 <= n; i += 4)
                for (int j = 0; j < 4; j++) lanes[j] += Product(i + j);
            float sum = (lanes[0] + lanes[1]) + (lanes[2] + lanes[3]);
            for (; i < n; i++) sum += Product(i);
            return sum;
        }
        float result = 0;
        for (; i < n; i++) result += Product(i);
        return result;
    }

    /// <summary>The maximum-entropy model's probabilities as ML.NET computes them: exp(score − log Σ exp(score)).</summary>
    private static void SoftMax(ReadOnlySpan<float> raw, Span<float> probabilities)
    {
        // ML.NET's MathUtils.SoftMax (the log-sum-exp, terms more than 30 below the maximum left out), then ExpSlow.
        int maxAt = 0;
        float max = float.NegativeInfinity;
        for (int i = 0; i < raw.Length; i++)
            if (raw[i] > max) (maxAt, max) = (i, raw[i]);
        float logSum;
        if (float.IsNegativeInfinity(max)) logSum = float.NegativeInfinity;
        else if (raw.Length == 1) logSum = max;
        else
        {
            double sum = 0;
            float cutoff = max - 30;
            for (int i = 0; i < raw.Length; i++)
                if (i != maxAt && raw[i] > cutoff) sum += Math.Exp(raw[i] - max);
            logSum = sum > 0 ? (float)(max + Math.Log(1.0 + sum)) : max;
        }
        for (int i = 0; i < raw.Length; i++) probabilities[i] = (float)Math.Exp(raw[i] - logSum);
    }

    /// <summary>
    /// Where this scorer and ML.NET give different scores on the probe rows, described for a log line; null when they
    /// agree to the bit on every row this scorer takes. <paramref name="expected"/> holds ML.NET's scores of each probe row.
    /// </summary>
    public string? Disagreement(IReadOnlyList<StanceRow> probes, IReadOnlyList<float[]> expected)
    {
        int compared = 0;
        var mine = new float[Classes];
        for (int i = 0; i < probes.Count; i++)
        {
            if (!TryScore(probes[i], mine)) continue;
            compared++;
            if (expected[i].Length != Classes) return $"ML.NET gives {expected[i].Length} scores for {Classes} classes";
            for (int k = 0; k < Classes; k++)
                if (BitConverter.SingleToInt32Bits(expected[i][k]) != BitConverter.SingleToInt32Bits(mine[k]))
                    return $"on probe row \"{Shorten(probes[i].Text)}\" class {k} scores {mine[k]:R} where ML.NET has {expected[i][k]:R}";
        }
        return compared == 0 ? "no probe row could be scored without ML.NET" : null;
    }

    /// <summary>
    /// Rows to compare this scorer with ML.NET on: sentences of common news words (so n-grams of any English model
    /// fire), with punctuation, the target mask, negations, curly quotes and accents, and odd ones (empty,
    /// punctuation only, non-Latin script, long). Fixed by a seed: the same rows on every load.
    /// </summary>
    public static List<StanceRow> Probes()
    {
        string[] vocabulary = ProbeWords.Split(' ', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        string[] cues = ["say", "tell", "claim", "warn", "insist", "accuse", "praise", "deny", "none", "unheard-of"];
        var random = new Random(11);
        string Sentence(int words)
        {
            var parts = new List<string>(words);
            for (int i = 0; i < words; i++)
            {
                var w = vocabulary[random.Next(vocabulary.Length)];
                parts.Add(random.Next(12) switch
                {
                    0 => "the minister",
                    1 => "not " + w,
                    2 => w + ",",
                    3 => char.ToUpperInvariant(w[0]) + w[1..],
                    4 => "“" + w + "”",
                    5 => w + ".",
                    6 => w + "’s",
                    _ => w,
                });
            }
            return string.Join(' ', parts);
        }
        var texts = Enumerable.Range(0, 40).Select(i => Sentence(3 + random.Next(40))).ToList();
        texts.AddRange(["", " ", "?!… — ;", "“Ça va,” said the minister — naïve, déjà vu, Erdoğan’s café; 5% up €3.",
            "Москва заявила, что the minister не прав.", "tab\tand\nnewline  double  spaces", "a|b pipe | in text", Sentence(600)]);
        return [.. texts.Select((t, i) =>
        {
            int at = t.IndexOf("the minister", StringComparison.Ordinal);
            return StanceFeaturizer.Build(t, "the minister", at, at < 0 ? -1 : at + "the minister".Length, cues[i % cues.Length]);
        })];
    }

    private const string ProbeWords = """
        the a an of to in and for on with by at from that this it is was were be been has have had will would could should
        not no never government minister president police court council party people city country year week report said
        says told warned claimed denied praised accused criticised welcomed support oppose against plan policy law vote
        election bill budget tax money jobs workers union strike deal talks peace war army attack crisis health hospital
        school children families housing prices rise fall cut increase economy market bank company business trade
        good bad great terrible wrong right fair unfair dangerous safe success failure disaster shame proud concerned
        we they he she you i our their his her its them us mr ms dr new old first last many more most very really just
        """;

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "...";
}
