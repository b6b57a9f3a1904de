namespace NewsStance.Internal.Stance;

/// <summary>
/// One <c>FeaturizeText</c> column of a trained stance model, read from its slot names: the word n-grams
/// (<c>a|b</c>) and character n-grams of its dictionary, each with its slot in the featurizer's output, and
/// which of those slots count-based selection kept. <see cref="TryAdd"/> turns a text into the column's
/// features as ML.NET does: n-gram counts, each part (characters, words) L2-normalised over all of its
/// dictionary's slots, then the kept slots.
/// </summary>
internal sealed class NgramBag
{
    private const string CharPrefix = "Char.";
    private const string WordPrefix = "Word.";

    private readonly bool _keepPunctuation;
    // Word tokens by text, to an id (from 1): every token that is part of a word n-gram of the dictionary. A token
    // without an id is in no n-gram, so the n-grams through it need no lookup.
    private readonly Dictionary<string, int> _tokens = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _tokenLookup;
    // Word n-grams, their token ids packed _bitsPerToken bits each, to the slot in the featurizer's output.
    private readonly PackedSlotTable _words;
    private readonly int _bitsPerToken;
    // A name held by two slots (a token with '|' in it looks like a bigram): a text that makes it is left to ML.NET.
    private readonly HashSet<ulong> _ambiguous = [];
    private readonly int _maxWordLength;
    // Character n-grams by length, packed 16 bits a character; null for a length the dictionary has none of.
    private readonly PackedSlotTable?[] _chars;
    // Featurizer slot → slot in the column after selection, or -1 when selection dropped it.
    private readonly int[] _kept;

    /// <summary>The size of the column after selection.</summary>
    public int Size { get; }

    /// <param name="slotNames">The featurizer's output slot names: <c>Char.</c>/<c>Word.</c> prefixed when it has both parts.</param>
    /// <param name="keptSlots">The featurizer slots selection kept, in increasing order (all of them when nothing was selected).</param>
    /// <param name="keepPunctuation">The featurizer's normaliser setting.</param>
    /// <exception cref="NotSupportedException">The slots are of another shape (or word n-grams too long to pack).</exception>
    public NgramBag(IReadOnlyList<string> slotNames, IReadOnlyList<int> keptSlots, bool keepPunctuation)
    {
        _keepPunctuation = keepPunctuation;
        _tokenLookup = _tokens.GetAlternateLookup<ReadOnlySpan<char>>();
        bool twoParts = slotNames.Count > 0 && (slotNames[0].StartsWith(CharPrefix, StringComparison.Ordinal) || slotNames[0].StartsWith(WordPrefix, StringComparison.Ordinal));
        var chars = new List<List<(ulong, int)>>();
        var words = new List<(int[] Tokens, int Slot)>();
        for (int slot = 0; slot < slotNames.Count; slot++)
        {
            var span = slotNames[slot].AsSpan();
            if (twoParts && span.StartsWith(CharPrefix))
            {
                // Character names a parser cannot read (<PAD>, \u…) belong to characters IsExact refuses, which a scored text never has.
                if (!TryParseChars(span[CharPrefix.Length..], out var gram, out int length)) continue;
                while (chars.Count <= length) chars.Add([]);
                chars[length].Add((gram, slot));
                continue;
            }
            if (twoParts)
            {
                if (!span.StartsWith(WordPrefix))
                    throw new NotSupportedException($"slot '{span}' is neither a character nor a word n-gram");
                span = span[WordPrefix.Length..];
            }
            // A word n-gram's name is its tokens joined by '|' (which a scored token never holds: such a text is left to ML.NET).
            var tokens = new int[span.Count('|') + 1];
            int part = 0;
            foreach (var range in span.Split('|'))
            {
                var token = span[range];
                if (!_tokenLookup.TryGetValue(token, out int id)) _tokenLookup.TryAdd(token, id = _tokens.Count + 1);
                tokens[part++] = id;
            }
            words.Add((tokens, slot));
            _maxWordLength = Math.Max(_maxWordLength, tokens.Length);
        }
        _chars = [.. chars.Select(grams => grams.Count > 0 ? new PackedSlotTable(grams) : null)];

        _bitsPerToken = 64 - System.Numerics.BitOperations.LeadingZeroCount((ulong)_tokens.Count);
        if (_maxWordLength * _bitsPerToken > 64)
            throw new NotSupportedException($"word n-grams of {_maxWordLength} tokens out of {_tokens.Count} do not pack into 64 bits");
        var packed = new List<(ulong, int)>(words.Count);
        var seen = new HashSet<ulong>();
        foreach (var (tokens, slot) in words)
        {
            ulong key = Pack(tokens);
            if (!seen.Add(key)) _ambiguous.Add(key);
            packed.Add((key, slot));
        }
        _words = new PackedSlotTable(packed);

        _kept = new int[slotNames.Count];
        Array.Fill(_kept, -1);
        for (int k = 0; k < keptSlots.Count; k++)
        {
            int slot = keptSlots[k];
            if (slot < 0 || slot >= slotNames.Count || k > 0 && slot <= keptSlots[k - 1])
                throw new NotSupportedException($"selection kept slot {slot} of {slotNames.Count}, out of order");
            _kept[slot] = k;
        }
        Size = keptSlots.Count;
    }

    private ulong Pack(ReadOnlySpan<int> tokens)
    {
        ulong key = 0;
        foreach (int id in tokens) key = key << _bitsPerToken | (uint)id;
        return key;
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
        if (_chars.Length > 0 && length > 0) AddChars(sequence, charSlots);
        if (_words.Count > 0 && !AddWords(sequence[1..^1], wordSlots, buffers.TokenIds)) return false;
        return AddNormalized(charSlots, offset, features, buffers) && AddNormalized(wordSlots, offset, features, buffers);
    }

    private void AddChars(ReadOnlySpan<char> sequence, List<int> slots)
    {
        for (int i = 0; i < sequence.Length; i++)
        {
            // The n-grams that start here, each the one before it and one more character.
            ulong gram = 0;
            for (int length = 1; length < _chars.Length && i + length <= sequence.Length; length++)
            {
                gram = gram << 16 | sequence[i + length - 1];
                if (_chars[length] is { } grams && grams.TryGetValue(gram, out int slot)) slots.Add(slot);
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
        var (counts, counted) = buffers.Counts(_kept.Length);
        // The sum of squares grows by 2c + 1 as a count c becomes c + 1.
        long sumOfSquares = 0;
        int first = int.MaxValue, last = 0;
        foreach (int slot in slots)
        {
            int count = counts[slot]++;
            sumOfSquares += 2 * count + 1;
            if (count > 0) continue;
            counted[slot >> 6] |= 1UL << slot;
            first = Math.Min(first, slot >> 6);
            last = Math.Max(last, slot >> 6);
        }
        // Below 2^24 a float sum of integer squares is exact in any order (so this one, summed exactly, is ML.NET's);
        // above, ML.NET's SIMD order decides its rounding.
        bool exact = sumOfSquares < 1 << 24;
        float scale = 1 / MathF.Sqrt(sumOfSquares);
        // The counted slots in increasing order, read off their bits (cheaper than sorting them), and cleared.
        for (int word = first; word <= last; word++)
        {
            for (ulong bits = counted[word]; bits != 0; bits &= bits - 1)
            {
                int slot = word << 6 | System.Numerics.BitOperations.TrailingZeroCount(bits);
                if (exact && _kept[slot] >= 0) features.Add(new(offset + _kept[slot], counts[slot] * scale));
                counts[slot] = 0;
            }
            counted[word] = 0;
        }
        return exact;
    }

    // A character n-gram's slot name: characters joined by '|', each itself or, for controls and space, "<␠>".
    private static bool TryParseChars(ReadOnlySpan<char> name, out ulong gram, out int length)
    {
        gram = 0;
        length = 0;
        int i = 0;
        while (i < name.Length)
        {
            if (length == 4) return false;
            char c;
            if (name[i] == '<' && i + 2 < name.Length && name[i + 2] == '>' && name[i + 1] is >= '\u2400' and <= '\u2420'
                && (i + 3 == name.Length || name[i + 3] == '|'))
            {
                c = (char)(name[i + 1] - '\u2400');
                i += 3;
            }
            else if (i + 1 == name.Length || name[i + 1] == '|')
            {
                c = name[i];
                i += 1;
            }
            else return false;
            gram = gram << 16 | c;
            length++;
            if (i < name.Length)
            {
                if (name[i] != '|') return false;
                i++;
                if (i == name.Length) return false;
            }
        }
        return length > 0;
    }
}
