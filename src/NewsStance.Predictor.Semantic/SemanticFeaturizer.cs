using System.Collections.Concurrent;
using Microsoft.ML;
using Microsoft.ML.Data;
using NewsStance.Internal.Stance;

namespace NewsStance.Semantic;

/// <summary>One (quote, target) pair to featurise; <paramref name="Label"/> only when training.</summary>
internal sealed record SemanticInput(string Text, string? Target, int MentionStart, int MentionEnd, string? Cue, string Label = "");

/// <summary>The n-gram stance row of <see cref="StanceFeaturizer"/> plus the sentence-embedding block.</summary>
internal sealed class SemanticStanceRow : StanceRow
{
    /// <summary><see cref="SemanticFeaturizer.Blocks"/> × the encoder's dimension; its size is set at run time by <see cref="Schema"/>.</summary>
    public float[] Semantic { get; set; } = [];

    /// <summary>The row's ML.NET schema with the <see cref="Semantic"/> column <paramref name="size"/> long.</summary>
    public static SchemaDefinition Schema(int size)
    {
        var schema = SchemaDefinition.Create(typeof(SemanticStanceRow));
        schema[nameof(Semantic)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
        return schema;
    }
}

/// <summary>
/// Builds <see cref="SemanticStanceRow"/>s: the <see cref="StanceFeaturizer"/> inputs, and unit vectors
/// of the quote text (q) and of the words around the target's mention (w), with their interactions with
/// the target name's vector t: q⊙t and w⊙t. w is pooled from the quote's own contextual token vectors
/// (the ±<see cref="WindowWords"/> words beside the mention, the mention's own words left out), so the
/// window costs no encoding of its own: that halved the encoder's work per article.
/// t itself is not a block: on the project's corpus (invented people) it only let the model memorise
/// names, and it cost 0.02–0.06 macro-F1 on real news (docs/semantic-stance.md).
/// All the texts of one call go to the embedder at once (it batches them); target vectors are cached.
/// Shared by training and scoring so both see the same features. Thread-safe.
/// </summary>
internal sealed class SemanticFeaturizer(ITextEmbedder embedder)
{
    /// <summary>Words either side of the mention in the window.</summary>
    public const int WindowWords = 8;

    /// <summary>
    /// How w is computed, recorded in the manifest (<c>semantic_window</c>) and checked on load: bundles
    /// from before it encoded the window as a separate text, and would get features they never saw.
    /// </summary>
    public const string WindowMethod = "pooled from the quote's token vectors";

    /// <summary>Target names kept in the cache before it is cleared.</summary>
    public const int TargetCacheSize = 50_000;

    /// <summary>The manifest's <c>stance.feature_settings</c> key for the encoder layers the vectors are taken after.</summary>
    public const string LayersSetting = "semantic_layers";

    public static readonly IReadOnlyList<string> Blocks = ["quote", "window", "quote*target", "window*target"];

    private readonly ConcurrentDictionary<string, float[]> _targets = new(StringComparer.Ordinal);

    public ITextEmbedder Embedder => embedder;

    /// <summary>The length of <see cref="SemanticStanceRow.Semantic"/>.</summary>
    public int Size => Blocks.Count * embedder.Dimension;

    /// <summary>The length of <see cref="SemanticStanceRow.Semantic"/> over <paramref name="model"/>'s vectors, known before the encoder is started.</summary>
    public static int SizeFor(SentenceModel model) => Blocks.Count * model.Dimension;

    /// <summary>
    /// How a bundle's vectors were made, for its manifest. <c>semantic_layers</c> is read back on load: the loader
    /// runs the same number of encoder layers (a bundle without it was trained on all of them).
    /// </summary>
    public Dictionary<string, string> Settings(SentenceModel model, int layers) => new()
    {
        ["encoder"] = $"{model.Name}, {model.Package}, weight products in {SentenceEmbedder.Precision} (per-column scales)",
        [LayersSetting] = layers.ToString(System.Globalization.CultureInfo.InvariantCulture),
        ["semantic"] = $"[{string.Join(", ", Blocks)}] × {embedder.Dimension} = {Size} floats; q = quote text, w = mean of the quote's token vectors for the ±{WindowWords} words around the mention (mention left out), t = target name (used only in the products)",
        ["semantic_window"] = WindowMethod,
        ["semantic_tokens"] = $"at most {(embedder as SentenceEmbedder)?.MaxTokens ?? SentenceEmbedder.DefaultMaxTokens} WordPiece tokens per text, batches of {(embedder as SentenceEmbedder)?.BatchSize ?? SentenceEmbedder.DefaultBatchSize}",
    };

    public SemanticStanceRow[] Build(IReadOnlyList<SemanticInput> inputs)
    {
        var rows = new SemanticStanceRow[inputs.Count];
        var baseRows = new StanceRow[inputs.Count];
        // Every distinct text of the call, embedded in one batched call.
        var texts = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        int Add(string text)
        {
            if (!index.TryGetValue(text, out var i)) { i = texts.Count; texts.Add(text); index[text] = i; }
            return i;
        }
        var quoteAt = new int[inputs.Count];
        var windows = new WordSpan[inputs.Count];
        var newTargets = new List<string>();
        var targetVectors = new Dictionary<string, float[]>(StringComparer.Ordinal);
        for (int i = 0; i < inputs.Count; i++)
        {
            var x = inputs[i];
            baseRows[i] = StanceFeaturizer.Build(x.Text, string.IsNullOrEmpty(x.Target) ? null : x.Target, x.MentionStart, x.MentionEnd, x.Cue, label: x.Label);
            quoteAt[i] = Add(x.Text);
            windows[i] = Window(quoteAt[i], x.Text, x.MentionStart, x.MentionEnd);
            if (string.IsNullOrEmpty(x.Target) || targetVectors.ContainsKey(x.Target) || newTargets.Contains(x.Target)) continue;
            if (_targets.TryGetValue(x.Target, out var cached)) targetVectors[x.Target] = cached;
            else newTargets.Add(x.Target);
        }
        foreach (var t in newTargets) Add(t);
        var (vectors, windowVectors) = embedder.Embed(texts, windows);
        if (_targets.Count + newTargets.Count > TargetCacheSize) _targets.Clear();
        foreach (var t in newTargets) _targets[t] = targetVectors[t] = vectors[index[t]];

        int d = embedder.Dimension;
        var none = new float[d];
        for (int i = 0; i < inputs.Count; i++)
        {
            var x = inputs[i];
            var q = vectors[quoteAt[i]];
            var w = windowVectors[i];
            var t = string.IsNullOrEmpty(x.Target) ? none : targetVectors[x.Target];
            var semantic = new float[Blocks.Count * d];
            q.CopyTo(semantic, 0);
            w.CopyTo(semantic, d);
            for (int k = 0; k < d; k++)
            {
                semantic[2 * d + k] = q[k] * t[k];
                semantic[3 * d + k] = w[k] * t[k];
            }
            var b = baseRows[i];
            rows[i] = new SemanticStanceRow
            {
                Text = b.Text, Window = b.Window, Negated = b.Negated, Cue = b.Cue, Polarity = b.Polarity, Label = b.Label,
                Semantic = semantic,
            };
        }
        return rows;
    }

    /// <summary>
    /// The window of text number <paramref name="textIndex"/>: the ±<see cref="WindowWords"/> white-space
    /// words around the mention at [<paramref name="mentionStart"/>, <paramref name="mentionEnd"/>), less the
    /// mention's own words; the whole text when there is no mention.
    /// </summary>
    public static WordSpan Window(int textIndex, string text, int mentionStart, int mentionEnd)
    {
        if (mentionStart < 0 || mentionEnd <= mentionStart || mentionEnd > text.Length) return new WordSpan(textIndex, 0, text.Length);
        var words = SentenceEmbedder.Words(text);
        int first = words.FindIndex(w => w.End > mentionStart);
        int last = words.FindLastIndex(w => w.Start < mentionEnd);
        if (first < 0 || last < first) return new WordSpan(textIndex, 0, text.Length);
        int from = Math.Max(0, first - WindowWords), to = Math.Min(words.Count - 1, last + WindowWords);
        return new WordSpan(textIndex, words[from].Start, words[to].End, words[first].Start, words[last].End);
    }
}
