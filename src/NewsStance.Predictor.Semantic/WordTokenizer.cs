using System.Collections.Concurrent;
using System.Text;
using BERTTokenizers.Base;

namespace NewsStance.Semantic;

/// <summary>
/// The package's WordPiece tokenizer, word by word: ids of a whole text with <c>[CLS]</c> and <c>[SEP]</c>,
/// and which tokens each white-space-separated word became (so spans of the text can be pooled, and a
/// target's mention found among the tokens). Thread-safe; each distinct word's pieces are cached.
/// </summary>
internal sealed class WordTokenizer
{
    /// <summary>Distinct words whose pieces are kept before the cache is cleared.</summary>
    public const int WordCacheSize = 200_000;

    private readonly TokenizerBase _tokenizer;
    private readonly long _clsId;
    private readonly long _sepId;
    private readonly ConcurrentDictionary<string, long[]> _words = new(StringComparer.Ordinal);
    private readonly object _gate = new();

    public WordTokenizer(SentenceModel model, int maxTokens)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxTokens, 3);
        MaxTokens = maxTokens;
        _tokenizer = model.CreateTokenizer();
        var empty = _tokenizer.Tokenize(4, "")[0];
        _clsId = empty[0].VocabularyIndex;
        _sepId = empty[^1].VocabularyIndex;
    }

    public int MaxTokens { get; }

    /// <summary>The id of <c>[CLS]</c>.</summary>
    public long ClsId => _clsId;

    /// <summary>The id of <c>[SEP]</c>.</summary>
    public long SepId => _sepId;

    /// <summary>The WordPiece ids of one word (no special tokens).</summary>
    public long[] WordIdsOf(string word) => WordIds(word);

    /// <summary>WordPiece ids of a text and where each of its words' tokens are.</summary>
    /// <param name="Ids">Token ids with <c>[CLS]</c> and <c>[SEP]</c>, at most <see cref="MaxTokens"/>.</param>
    /// <param name="Words">Per white-space-separated word: its UTF-16 range in the text and its token range in <paramref name="Ids"/> (empty when cut off).</param>
    public sealed record TokenizedText(long[] Ids, (int Start, int End, int FirstToken, int EndToken)[] Words);

    /// <summary>
    /// WordPiece ids with <c>[CLS]</c> and <c>[SEP]</c>, at most <see cref="MaxTokens"/>, and the token range
    /// of every word. The package's tokenizer never joins across white space, so the text is tokenised
    /// word by word (each word's pieces cached) into the ids of the whole text.
    /// </summary>
    public TokenizedText Tokenize(string text)
    {
        var ids = new List<long>(Math.Min(MaxTokens, text.Length / 3 + 2)) { _clsId };
        var words = new List<(int, int, int, int)>();
        int limit = MaxTokens - 1;
        foreach (var (start, end) in Words(text))
        {
            int first = Math.Min(ids.Count, limit);
            foreach (var id in WordIds(text[start..end]))
            {
                if (ids.Count >= limit) break;
                ids.Add(id);
            }
            words.Add((start, end, first, ids.Count));
        }
        ids.Add(_sepId);
        return new TokenizedText([.. ids], [.. words]);
    }

    /// <summary>The UTF-16 ranges of the white-space-separated words of <paramref name="text"/>: the units the tokenizer never joins.</summary>
    public static List<(int Start, int End)> Words(string text)
    {
        var words = new List<(int, int)>();
        for (int i = 0; i < text.Length;)
        {
            if (char.IsWhiteSpace(text[i])) { i++; continue; }
            int start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i])) i++;
            words.Add((start, i));
        }
        return words;
    }

    private long[] WordIds(string word)
    {
        if (_words.TryGetValue(word, out var cached)) return cached;
        (string Token, int VocabularyIndex, long SegmentIndex)[] tokens;
        lock (_gate) tokens = _tokenizer.Tokenize(512, Normalize(word))[0]; // the package's tokenizer keeps no promise of thread safety
        var ids = new long[Math.Max(0, tokens.Length - 2)]; // less [CLS] and [SEP]
        for (int k = 0; k < ids.Length; k++) ids[k] = tokens[k + 1].VocabularyIndex;
        if (_words.Count > WordCacheSize) _words.Clear();
        _words[word] = ids;
        return ids;
    }

    /// <summary>
    /// The package's tokenizer splits on spaces only and knows straight quotes, not typographic ones:
    /// map the latter, and fold every run of white space to one space.
    /// </summary>
    public static string Normalize(string text)
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

}
