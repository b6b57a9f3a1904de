using System.Collections.Concurrent;
using System.Text;
using BERTTokenizers.Base;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;

namespace NewsStance.Semantic;

/// <summary>Turns texts into unit-length vectors. Implementations are thread-safe.</summary>
internal interface ITextEmbedder
{
    /// <summary>The length of every vector.</summary>
    int Dimension { get; }

    /// <summary>One vector per text, in input order.</summary>
    float[][] Embed(IReadOnlyList<string> texts);
}

/// <summary>
/// Runs a packaged sentence encoder (<see cref="SentenceModel"/>) with ONNX Runtime: tokenises with the
/// package's WordPiece tokenizer, truncates to <see cref="MaxTokens"/>, sorts the texts by length and
/// encodes them in batches of at most <see cref="BatchSize"/> texts of similar length (so padding is
/// short), pools and L2-normalises.
/// A text's vector does not depend on the batch it is in. One instance serves many threads: ONNX
/// Runtime sessions are thread-safe and nothing else is mutable. Use <see cref="Shared"/> so a process
/// loads each 90 MB graph once.
/// </summary>
internal sealed class SentenceEmbedder : ITextEmbedder, IDisposable
{
    public const int DefaultBatchSize = 32;
    public const int DefaultMaxTokens = 128;

    private static readonly ConcurrentDictionary<string, Lazy<SentenceEmbedder>> SharedInstances = new();

    private readonly InferenceSession _session;
    private readonly TokenizerBase _tokenizer;
    private readonly long _sepId;
    private readonly string _outputName;

    public SentenceEmbedder(SentenceModel model, int batchSize = DefaultBatchSize, int maxTokens = DefaultMaxTokens, int? parallelism = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(batchSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 3);
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
        _session = new InferenceSession(model.LoadOnnx(), options);
        _outputName = _session.OutputMetadata.Keys.Contains("last_hidden_state") ? "last_hidden_state" : _session.OutputMetadata.Keys.First();
        _tokenizer = model.CreateTokenizer();
        _sepId = _tokenizer.Tokenize(4, "")[0][^1].VocabularyIndex;
    }

    public SentenceModel Model { get; }
    public int Dimension => Model.Dimension;
    public int BatchSize { get; }
    public int MaxTokens { get; }
    public int Parallelism { get; }

    /// <summary>The process-wide embedder for <paramref name="model"/> with default settings, created on first use.</summary>
    public static SentenceEmbedder Shared(SentenceModel model)
        => SharedInstances.GetOrAdd(model.Features, _ => new Lazy<SentenceEmbedder>(() => new SentenceEmbedder(model))).Value;

    public float[] Embed(string text) => Embed([text])[0];

    public float[][] Embed(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var result = new float[texts.Count][];
        if (texts.Count == 0) return result;
        var ids = new long[texts.Count][];
        for (int i = 0; i < texts.Count; i++) ids[i] = Tokenize(texts[i]);
        var batches = Batches(ids, BatchSize);
        if (batches.Count == 1 || Parallelism == 1)
            foreach (var b in batches) Encode(b, ids, result);
        else
            Parallel.ForEach(batches, new ParallelOptions { MaxDegreeOfParallelism = Parallelism }, b => Encode(b, ids, result));
        return result;
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

    /// <summary>WordPiece ids with <c>[CLS]</c> and <c>[SEP]</c>, at most <see cref="MaxTokens"/>.</summary>
    internal long[] Tokenize(string text)
    {
        var tokens = _tokenizer.Tokenize(512, Normalize(text))[0];
        int n = Math.Min(tokens.Length, MaxTokens);
        var ids = new long[n];
        for (int i = 0; i < n; i++) ids[i] = tokens[i].VocabularyIndex;
        ids[n - 1] = _sepId;
        return ids;
    }

    /// <summary>
    /// The package's tokenizer splits on spaces only and knows straight quotes, not typographic ones:
    /// map the latter, and fold every run of white space to one space.
    /// </summary>
    internal static string Normalize(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) { space = sb.Length > 0; continue; }
            if (space) { sb.Append(' '); space = false; }
            sb.Append(c switch
            {
                '\u2018' or '\u2019' or '\u201A' or '\u2032' => '\'',
                '\u201C' or '\u201D' or '\u201E' or '\u00AB' or '\u00BB' => '"',
                '\u2013' or '\u2014' => '-',
                _ => c,
            });
        }
        return sb.ToString();
    }

    private void Encode(int[] batch, long[][] ids, float[][] result)
    {
        int n = batch.Length, len = batch.Max(i => ids[i].Length), dim = Dimension;
        var inputIds = new DenseTensor<long>([n, len]);
        var mask = new DenseTensor<long>([n, len]);
        var types = new DenseTensor<long>([n, len]);
        var idSpan = inputIds.Buffer.Span;
        var maskSpan = mask.Buffer.Span;
        for (int r = 0; r < n; r++)
        {
            var row = ids[batch[r]];
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
            var v = new float[dim];
            int tokens = ids[batch[r]].Length;
            if (Model.Pooling == Pooling.Cls)
            {
                h.Slice(r * len * dim, dim).CopyTo(v);
            }
            else
            {
                for (int t = 0; t < tokens; t++)
                {
                    var tv = h.Slice((r * len + t) * dim, dim);
                    for (int k = 0; k < dim; k++) v[k] += tv[k];
                }
                for (int k = 0; k < dim; k++) v[k] /= tokens;
            }
            double norm = 0;
            foreach (var x in v) norm += x * x;
            float scale = 1f / (float)Math.Max(Math.Sqrt(norm), 1e-12);
            for (int k = 0; k < dim; k++) v[k] *= scale;
            result[batch[r]] = v;
        }
    }

    public void Dispose() => _session.Dispose();
}
