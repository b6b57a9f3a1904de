using NewsStance.Encoder;

namespace NewsStance.Semantic;

/// <summary>
/// Turns a (text, target) pair into the fine-tuned encoder's input. When the target is named in the text
/// (a mention span), the text is encoded alone and the mention's tokens are pooled: every target a quote
/// names shares that one encoding. When it is not (an idea the quote argues about, a person referred to
/// only implicitly) the target's name follows as a second segment (<c>[CLS] text [SEP] target [SEP]</c>)
/// and its tokens are pooled there.
/// </summary>
internal sealed class StanceEncoding(WordTokenizer tokenizer)
{
    /// <summary>Tokens kept of a target's name in the second segment.</summary>
    public const int MaxTargetTokens = 16;

    public WordTokenizer Tokenizer => tokenizer;

    public int MaxTokens => tokenizer.MaxTokens;

    public EncodedExample Encode(string text, string? target, int mentionStart, int mentionEnd)
    {
        var tokenized = tokenizer.Tokenize(text);
        var ids = tokenized.Ids;
        if (mentionEnd > mentionStart && mentionStart >= 0)
        {
            var pooled = new List<int>();
            foreach (var (start, end, first, last) in tokenized.Words)
                if (start < mentionEnd && end > mentionStart)
                    for (int t = first; t < last; t++) pooled.Add(t);
            if (pooled.Count > 0)
                return new EncodedExample([.. ids.Select(i => (int)i)], new int[ids.Length], [.. pooled]);
        }
        if (string.IsNullOrWhiteSpace(target))
            return new EncodedExample([.. ids.Select(i => (int)i)], new int[ids.Length], []);
        var targetIds = WordTokenizer.Words(target).SelectMany(w => tokenizer.WordIdsOf(target[w.Start..w.End])).Take(MaxTargetTokens).ToArray();
        int keep = Math.Min(ids.Length - 1, tokenizer.MaxTokens - targetIds.Length - 2); // the text without its [SEP], shortened to fit
        var all = new int[keep + 1 + targetIds.Length + 1];
        for (int i = 0; i < keep; i++) all[i] = (int)ids[i];
        all[keep] = (int)tokenizer.SepId;
        for (int i = 0; i < targetIds.Length; i++) all[keep + 1 + i] = (int)targetIds[i];
        all[^1] = (int)tokenizer.SepId;
        var segments = new int[all.Length];
        for (int i = keep + 1; i < all.Length; i++) segments[i] = 1;
        return new EncodedExample(all, segments, [.. Enumerable.Range(keep + 1, targetIds.Length)]);
    }
}
