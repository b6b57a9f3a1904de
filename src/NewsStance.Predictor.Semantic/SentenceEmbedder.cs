using System.Collections.Concurrent;
using System.Text;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using NewsStance.Encoder;

namespace NewsStance.Semantic;

/// <summary>
/// Part of one text to pool from that text's own token vectors: the words overlapping
/// [<paramref name="Start"/>, <paramref name="End"/>) (UTF-16 offsets into the text) less the words
/// overlapping [<paramref name="SkipStart"/>, <paramref name="SkipEnd"/>).
/// </summary>
internal readonly record struct WordSpan(int Text, int Start, int End, int SkipStart = 0, int SkipEnd = 0);

/// <summary>Turns texts, and spans of them, into unit-length vectors. Implementations are thread-safe.</summary>
internal interface ITextEmbedder
{
    /// <summary>The length of every vector.</summary>
    int Dimension { get; }

    /// <summary>
    /// One vector per text, in input order, and one per span: the mean of the contextual token vectors
    /// of the span's words, taken from the same encoding as its text (so a span costs no extra encoding).
    /// </summary>
    (float[][] Texts, float[][] Spans) Embed(IReadOnlyList<string> texts, IReadOnlyList<WordSpan> spans);

    /// <summary>One vector per text, in input order.</summary>
    float[][] Embed(IReadOnlyList<string> texts) => Embed(texts, []).Texts;
}

/// <summary>
/// Runs a packaged sentence encoder (<see cref="SentenceModel"/>) with ONNX Runtime: tokenises with the
/// package's WordPiece tokenizer, truncates to <see cref="MaxTokens"/>, sorts the texts by length and
/// encodes them in batches of at most <see cref="BatchSize"/> texts of similar length (so padding is
/// short), pools and L2-normalises. The graph's weight products run in int8 (<see cref="Precision"/>),
/// one text per run by default, so a text's vector does not depend on the texts beside it
/// (<see cref="DefaultBatchSize"/>). One instance serves many threads: ONNX Runtime sessions are
/// thread-safe and nothing else is mutable. Use <see cref="Shared"/> so a process loads each graph once.
/// </summary>
internal sealed class SentenceEmbedder : ITextEmbedder, IDisposable
{
    /// <summary>
    /// One text per run: int8 products quantize their activations per run, so texts run together would
    /// change each other's vectors (1.3 % of stance labels moved on PolNeAR); one at a time costs the
    /// same CPU as batches of 32 here (measured), and a text's vector depends on nothing but the text.
    /// </summary>
    public const int DefaultBatchSize = 1;
    public const int DefaultMaxTokens = 128;

    private static readonly ConcurrentDictionary<string, Lazy<SentenceEmbedder>> SharedInstances = new();

    private readonly InferenceSession _session;
    private readonly WordTokenizer _wordTokenizer;
    private readonly string _outputName;

    /// <param name="model">The packaged encoder.</param>
    /// <param name="batchSize">Texts per ONNX run.</param>
    /// <param name="maxTokens">WordPiece tokens kept per text.</param>
    /// <param name="parallelism">Runs at once in one <see cref="Embed(IReadOnlyList{string}, IReadOnlyList{WordSpan})"/> call; default the number of cores.</param>
    /// <param name="graphCache">Where the int8 graph is kept between processes; default <see cref="EncoderGraphCache.Default"/>.</param>
    /// <param name="layers">Encoder layers run, from the bottom (vectors are taken after the last of them); default all of the package's.</param>
    public SentenceEmbedder(SentenceModel model, int batchSize = DefaultBatchSize, int maxTokens = DefaultMaxTokens, int? parallelism = null, EncoderGraphCache? graphCache = null, int? layers = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 3);
        Layers = layers ?? model.Layers;
        if (!model.CanRun(Layers)) throw new ArgumentOutOfRangeException(nameof(layers), Layers, $"{model.Name} runs {(model.CanKeepFewerLayers ? $"1 to {model.Layers}" : $"all {model.Layers}")} layers");
        Model = model;
        BatchSize = batchSize;
        MaxTokens = maxTokens;
        Parallelism = Math.Max(1, parallelism ?? Environment.ProcessorCount);
        // One thread per Run: callers parallelise over batches (and the CLI over articles), which
        // keeps both cores busy without oversubscribing them.
        using var options = new SessionOptions
        {
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            IntraOpNumThreads = 1,
            InterOpNumThreads = 1,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
        };
        // Weight products in int8 (per-column scales; activations quantized per run): 2.2x faster than
        // float on this CPU, and each [CLS] vector within cosine 0.998 of the float graph's. Training and
        // scoring both embed through here, so a bundle's head always sees the vectors it was trained on.
        // The rewrite is cached on disk (the same bytes), which saves most of the start-up.
        var graph = (graphCache ?? EncoderGraphCache.Default).Get(model, Layers);
        GraphCacheOutcome = graph.Outcome;
        _session = graph.Path is { } path ? new InferenceSession(path, options) : new InferenceSession(graph.Bytes!, options);
        _outputName = _session.OutputMetadata.Keys.Contains("last_hidden_state") ? "last_hidden_state" : _session.OutputMetadata.Keys.First();
        _wordTokenizer = new WordTokenizer(model, maxTokens);
    }

    /// <summary>How the encoder's weights are run; recorded in bundles and in the training embedding cache's file name.</summary>
    public const string Precision = "int8";

    public SentenceModel Model { get; }

    /// <summary>Whether the int8 graph came from the on-disk cache or was built.</summary>
    public GraphCacheOutcome GraphCacheOutcome { get; }

    public int Dimension => Model.Dimension;

    /// <summary>Encoder layers run (the package's first ones); the vectors are taken after the last of them.</summary>
    public int Layers { get; }
    public int BatchSize { get; }
    public int MaxTokens { get; }
    public int Parallelism { get; }

    /// <summary>The process-wide embedder for <paramref name="model"/> cut to <paramref name="layers"/> (default all), with default settings otherwise, created on first use.</summary>
    public static SentenceEmbedder Shared(SentenceModel model, int? layers = null)
    {
        int kept = layers ?? model.Layers;
        return SharedInstances.GetOrAdd($"{model.Features}/{kept}", _ => new Lazy<SentenceEmbedder>(() => new SentenceEmbedder(model, layers: kept))).Value;
    }

    public float[] Embed(string text) => Embed([text])[0];

    /// <inheritdoc cref="ITextEmbedder.Embed(IReadOnlyList{string})"/>
    public float[][] Embed(IReadOnlyList<string> texts) => Embed(texts, []).Texts;

    /// <inheritdoc/>
    public (float[][] Texts, float[][] Spans) Embed(IReadOnlyList<string> texts, IReadOnlyList<WordSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(texts);
        ArgumentNullException.ThrowIfNull(spans);
        var result = new float[texts.Count][];
        var spanResult = new float[spans.Count][];
        if (texts.Count == 0) return (result, spanResult);
        var tokenized = new WordTokenizer.TokenizedText[texts.Count];
        for (int i = 0; i < texts.Count; i++) tokenized[i] = Tokenize(texts[i]);
        var spansOf = new List<int>?[texts.Count];
        for (int j = 0; j < spans.Count; j++) (spansOf[spans[j].Text] ??= []).Add(j);
        var batches = Batches(tokenized.Select(t => t.Ids).ToArray(), BatchSize);
        void Run(int[] b) => Encode(b, tokenized, spans, spansOf, result, spanResult);
        if (batches.Count == 1 || Parallelism == 1)
            foreach (var b in batches) Run(b);
        else
            Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, Run);
        return (result, spanResult);
    }

    /// <summary>
    /// Groups texts of similar length: sorted by length, a batch closes at <paramref name="batchSize"/>
    /// texts or before a text much longer than its first one. Every text in a batch is padded to the
    /// longest, so without this one long quote would make a short target name or window cost as much
    /// as itself (on the corpus articles that doubled the tokens encoded).
    /// </summary>
    internal static List<int[]> Batches(long[][] ids, int batchSize)
    {
        var order = Enumerable.Range(0, ids.Length).OrderBy(i => ids[i].Length).ThenBy(i => i).ToArray();
        var batches = new List<int[]>();
        for (int start = 0; start < order.Length;)
        {
            int first = ids[order[start]].Length, limit = first + Math.Max(8, first / 4), end = start + 1;
            while (end < order.Length && end - start < batchSize && ids[order[end]].Length <= limit) end++;
            batches.Add(order[start..end]);
            start = end;
        }
        return batches;
    }

    /// <summary>WordPiece ids with <c>[CLS]</c> and <c>[SEP]</c>, at most <see cref="MaxTokens"/>, and the token range of every word.</summary>
    internal WordTokenizer.TokenizedText Tokenize(string text) => _wordTokenizer.Tokenize(text);

    /// <inheritdoc cref="WordTokenizer.Words"/>
    internal static List<(int Start, int End)> Words(string text) => WordTokenizer.Words(text);

    /// <inheritdoc cref="WordTokenizer.Normalize"/>
    internal static string Normalize(string text) => WordTokenizer.Normalize(text);

    private void Encode(int[] batch, WordTokenizer.TokenizedText[] texts, IReadOnlyList<WordSpan> spans, List<int>?[] spansOf, float[][] result, float[][] spanResult)
    {
        int n = batch.Length, len = batch.Max(i => texts[i].Ids.Length), dim = Dimension;
        var inputIds = new DenseTensor<long>([n, len]);
        var mask = new DenseTensor<long>([n, len]);
        var types = new DenseTensor<long>([n, len]);
        var idSpan = inputIds.Buffer.Span;
        var maskSpan = mask.Buffer.Span;
        for (int r = 0; r < n; r++)
        {
            var row = texts[batch[r]].Ids;
            row.CopyTo(idSpan.Slice(r * len, row.Length));
            maskSpan.Slice(r * len, row.Length).Fill(1);
        }
        var inputs = new[]
        {
            NamedOnnxValue.CreateFromTensor("input_ids", inputIds),
            NamedOnnxValue.CreateFromTensor("attention_mask", mask),
            NamedOnnxValue.CreateFromTensor("token_type_ids", types),
        };
        using var outputs = _session.Run(inputs, [_outputName]);
        var hidden = outputs.First().AsTensor<float>() as DenseTensor<float>
            ?? throw new InvalidOperationException("the encoder returned no dense tensor");
        var h = hidden.Buffer.Span;
        for (int r = 0; r < n; r++)
        {
            var text = texts[batch[r]];
            var states = h.Slice(r * len * dim, len * dim);
            var v = new float[dim];
            if (Model.Pooling == Pooling.Cls) states[..dim].CopyTo(v);
            else for (int t = 0; t < text.Ids.Length; t++) Add(v, states.Slice(t * dim, dim));
            result[batch[r]] = Normalized(v);
            foreach (var j in spansOf[batch[r]] ?? []) spanResult[j] = PoolSpan(text, spans[j], states, dim);
        }
    }

    /// <summary>The mean of the span's word tokens; of all the text's word tokens when the span has none.</summary>
    private static float[] PoolSpan(WordTokenizer.TokenizedText text, WordSpan span, ReadOnlySpan<float> states, int dim)
    {
        var v = new float[dim];
        int count = 0;
        for (int pass = 0; pass < 2 && count == 0; pass++)
            foreach (var (start, end, first, last) in text.Words)
            {
                bool inside = start < span.End && end > span.Start && !(start < span.SkipEnd && end > span.SkipStart);
                if (pass == 0 && !inside) continue;
                for (int t = first; t < last; t++) { Add(v, states.Slice(t * dim, dim)); count++; }
            }
        return Normalized(v);
    }

    private static void Add(float[] sum, ReadOnlySpan<float> x)
    {
        for (int k = 0; k < sum.Length; k++) sum[k] += x[k];
    }

    /// <summary>Scales <paramref name="v"/> to unit length in place (so a mean needs no division first).</summary>
    private static float[] Normalized(float[] v)
    {
        double norm = 0;
        foreach (var x in v) norm += x * x;
        float scale = 1f / (float)Math.Max(Math.Sqrt(norm), 1e-12);
        for (int k = 0; k < v.Length; k++) v[k] *= scale;
        return v;
    }

    public void Dispose() => _session.Dispose();
}
