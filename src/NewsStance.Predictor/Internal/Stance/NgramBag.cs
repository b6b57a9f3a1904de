using System.Numerics;

namespace NewsStance.Internal.Stance;

/// <summary>
/// One <c>FeaturizeText</c> column of a trained stance model: the word n-grams (<c>a|b</c>) and character n-grams of
/// its dictionary (<see cref="NgramSlots"/>), each with its slot in the featurizer's output, and which of those slots
/// count-based selection kept. <see cref="TryAdd"/> turns a text into the column's
/// features as ML.NET does: n-gram counts, each part (characters, words) L2-normalised over all of its
/// dictionary's slots, then the kept slots.
/// </summary>
internal sealed class NgramBag
{
    private readonly bool _keepPunctuation;
    // Word tokens by text, to an id (from 1): every token that is part of a word n-gram of the dictionary. A token
    // without an id is in no n-gram, so the n-grams through it need no lookup.
    private readonly Dictionary<string, int> _tokens;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _tokenLookup;
    // Word n-grams, their token ids packed _bitsPerToken bits each, to the slot in the featurizer's output.
    private readonly PackedSlotTable _words;
    private readonly int _bitsPerToken;
    private readonly HashSet<ulong> _ambiguous;
    private readonly int _maxWordLength;
    // Character n-grams of every length, packed 16 bits a character (NgramSlots.CharGrams), to the slot.
    private readonly PackedSlotTable _chars;
    private readonly int _minCharLength, _maxCharLength;
    // Featurizer slot → slot in the column after selection, or -1 when selection dropped it.
    private readonly int[] _kept;

    /// <summary>The size of the column after selection.</summary>
    public int Size { get; }

    /// <param name="slots">The featurizer's n-gram dictionary.</param>
    /// <param name="keptSlots">The featurizer slots selection kept, in increasing order (all of them when nothing was selected).</param>
    /// <param name="keepPunctuation">The featurizer's normaliser setting.</param>
    /// <exception cref="NotSupportedException">The kept slots are not slots of the featurizer, in increasing order.</exception>
    public NgramBag(NgramSlots slots, IReadOnlyList<int> keptSlots, bool keepPunctuation)
    {
        _keepPunctuation = keepPunctuation;
        _tokens = new Dictionary<string, int>(slots.Tokens.Length, StringComparer.Ordinal);
        for (int i = 0; i < slots.Tokens.Length; i++) _tokens.Add(slots.Tokens[i], i + 1);
        _tokenLookup = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();

        _chars = new PackedSlotTable(slots.CharGrams, slots.CharSlots);
        _minCharLength = slots.CharGrams.Length == 0 ? 0 : slots.CharGrams.Min(NgramSlots.CharLength);
        _maxCharLength = slots.CharGrams.Length == 0 ? 0 : slots.CharGrams.Max(NgramSlots.CharLength);
        _bitsPerToken = slots.BitsPerToken;
        _maxWordLength = slots.MaxWordLength;
        _words = new PackedSlotTable(slots.WordGrams, slots.WordSlots);
        _ambiguous = [.. slots.AmbiguousWordGrams];

        _kept = new int[slots.Count];
        Array.Fill(_kept, -1);
        for (int k = 0; k < keptSlots.Count; k++)
        {
            int slot = keptSlots[k];
            if (slot < 0 || slot >= slots.Count || k > 0 && slot <= keptSlots[k - 1])
                throw new NotSupportedException($"selection kept slot {slot} of {slots.Count}, out of order");
            _kept[slot] = k;
        }
        Size = keptSlots.Count;
    }

    /// <summary>
    /// Adds the column's nonzero features for <paramref name="text"/> (index + <paramref name="offset"/>, value)
    /// to <paramref name="features"/>; false, adding nothing, when the text holds something only ML.NET scores exactly.
    /// </summary>
    public bool TryAdd(string text, int offset, List<KeyValuePair<int, float>> features, NgramBuffers buffers)
    {
        if (!NgramText.IsExact(text)) return false;
        // The character tokenizer's sequence: start marker, the normalised text, end marker.
        var sequence = buffers.Sequence(text.Length + 2);
        int length = NgramText.Normalize(text, _keepPunctuation, sequence[1..]);
        sequence[0] = NgramText.TextStart;
        sequence[length + 1] = NgramText.TextEnd;
        sequence = sequence[..(length + 2)];
        var charSlots = buffers.CharSlots;
        var wordSlots = buffers.WordSlots;
        charSlots.Clear();
        wordSlots.Clear();
        if (_chars.Count > 0 && length > 0) AddChars(sequence, charSlots);
        if (_words.Count > 0 && !AddWords(sequence[1..^1], wordSlots, buffers.TokenIds)) return false;
        return AddNormalized(charSlots, offset, features, buffers) && AddNormalized(wordSlots, offset, features, buffers);
    }

    private void AddChars(ReadOnlySpan<char> sequence, List<int> slots)
    {
        for (int i = 0; i < sequence.Length; i++)
        {
            // The n-grams that start here, each the one before it and one more character.
            ulong gram = 0;
            for (int length = 1; length <= _maxCharLength && i + length <= sequence.Length; length++)
            {
                gram = gram << 16 | sequence[i + length - 1];
                if (length >= _minCharLength && _chars.TryGetValue(gram, out int slot)) slots.Add(slot);
            }
        }
    }

    private bool AddWords(ReadOnlySpan<char> normalized, List<int> slots, List<int> ids)
    {
        if (normalized.Contains('|')) return false;
        // The tokens' ids (0: in no n-gram), split on spaces as NgramText.Words splits.
        ids.Clear();
        foreach (var range in normalized.Split(' '))
        {
            var token = normalized[range];
            if (token.IsEmpty) continue;
            ids.Add(_tokenLookup.TryGetValue(token, out int id) ? id : 0);
        }
        for (int i = 0; i < ids.Count; i++)
        {
            ulong key = 0;
            for (int length = 1; length <= _maxWordLength && i + length <= ids.Count; length++)
            {
                int id = ids[i + length - 1];
                // A token in no n-gram ends every longer n-gram from here too.
                if (id == 0) break;
                key = key << _bitsPerToken | (uint)id;
                if (_words.TryGetValue(key, out int slot))
                {
                    if (_ambiguous.Count > 0 && _ambiguous.Contains(key)) return false;
                    slots.Add(slot);
                }
            }
        }
        return true;
    }

    // Counts per slot, L2-normalised over the whole part (kept or not), then the kept slots by increasing index.
    private bool AddNormalized(List<int> slots, int offset, List<KeyValuePair<int, float>> features, NgramBuffers buffers)
    {
        if (slots.Count == 0) return true;
        var (counts, counted, countedWords) = buffers.Counts(_kept.Length);
        // The sum of squares grows by 2c + 1 as a count c becomes c + 1.
        long sumOfSquares = 0;
        foreach (int slot in slots)
        {
            int count = counts[slot]++;
            sumOfSquares += 2 * count + 1;
            if (count > 0) continue;
            counted[slot >> 6] |= 1UL << slot;
            countedWords[slot >> 12] |= 1UL << (slot >> 6);
        }
        // Below 2^24 a float sum of integer squares is exact in any order (so this one, summed exactly, is ML.NET's);
        // above, ML.NET's SIMD order decides its rounding.
        bool exact = sumOfSquares < 1 << 24;
        float scale = 1 / MathF.Sqrt(sumOfSquares);
        // The counted slots in increasing order, read off their bits (cheaper than sorting them), and cleared. The words
        // that hold any are read off a bit each too: a text's few hundred slots lie spread over a column of 100,000, and
        // walking every word between the first and the last was most of this method's time.
        for (int high = 0; high < countedWords.Length; high++)
        {
            for (ulong words = countedWords[high]; words != 0; words &= words - 1)
            {
                int word = high << 6 | BitOperations.TrailingZeroCount(words);
                for (ulong bits = counted[word]; bits != 0; bits &= bits - 1)
                {
                    int slot = word << 6 | BitOperations.TrailingZeroCount(bits);
                    if (exact && _kept[slot] >= 0) features.Add(new(offset + _kept[slot], counts[slot] * scale));
                    counts[slot] = 0;
                }
                counted[word] = 0;
            }
            countedWords[high] = 0;
        }
        return exact;
    }
}
