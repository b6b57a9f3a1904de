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
    // Word n-grams by their slot name ("a|b"), to the slot in the featurizer's output.
    private readonly Dictionary<string, int> _words = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    // A name held by two slots (a token with '|' in it looks like a bigram): a text that makes it is left to ML.NET.
    private readonly HashSet<string> _ambiguous = new(StringComparer.Ordinal);
    private readonly int _maxWordLength;
    // Character n-grams by length, packed 16 bits a character.
    private readonly Dictionary<ulong, int>[] _chars;
    // Featurizer slot → slot in the column after selection, or -1 when selection dropped it.
    private readonly int[] _kept;

    /// <summary>The size of the column after selection.</summary>
    public int Size { get; }

    /// <param name="slotNames">The featurizer's output slot names: <c>Char.</c>/<c>Word.</c> prefixed when it has both parts.</param>
    /// <param name="keptSlots">The featurizer slots selection kept, in increasing order (all of them when nothing was selected).</param>
    /// <param name="keepPunctuation">The featurizer's normaliser setting.</param>
    public NgramBag(IReadOnlyList<string> slotNames, IReadOnlyList<int> keptSlots, bool keepPunctuation)
    {
        _keepPunctuation = keepPunctuation;
        _wordLookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        bool twoParts = slotNames.Count > 0 && (slotNames[0].StartsWith(CharPrefix, StringComparison.Ordinal) || slotNames[0].StartsWith(WordPrefix, StringComparison.Ordinal));
        var chars = new List<Dictionary<ulong, int>>();
        for (int slot = 0; slot < slotNames.Count; slot++)
        {
            var span = slotNames[slot].AsSpan();
            if (twoParts && span.StartsWith(CharPrefix))
            {
                // Character names a parser cannot read (<PAD>, \u…) belong to characters IsExact refuses, which a scored text never has.
                if (!TryParseChars(span[CharPrefix.Length..], out var gram, out int length)) continue;
                while (chars.Count <= length) chars.Add(new(PackedGramComparer.Instance));
                chars[length].TryAdd(gram, slot);
                continue;
            }
            if (twoParts)
            {
                if (!span.StartsWith(WordPrefix))
                    throw new NotSupportedException($"slot '{span}' is neither a character nor a word n-gram");
                span = span[WordPrefix.Length..];
            }
            var name = span.ToString();
            if (!_words.TryAdd(name, slot)) _ambiguous.Add(name);
            _maxWordLength = Math.Max(_maxWordLength, name.Count(c => c == '|') + 1);
        }
        _chars = [.. chars];

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

    /// <summary>
    /// Adds the column's nonzero features for <paramref name="text"/> (index + <paramref name="offset"/>, value)
    /// to <paramref name="features"/>; false, adding nothing, when the text holds something only ML.NET scores exactly.
    /// </summary>
    public bool TryAdd(string text, int offset, List<KeyValuePair<int, float>> features)
    {
        if (!NgramText.IsExact(text)) return false;
        var normalized = NgramText.Normalize(text, _keepPunctuation);
        var charSlots = new List<int>();
        var wordSlots = new List<int>();
        if (_chars.Length > 0 && normalized.Length > 0) AddChars(normalized, charSlots);
        if (_words.Count > 0 && !AddWords(NgramText.Words(normalized), wordSlots)) return false;
        return AddNormalized(charSlots, offset, features) && AddNormalized(wordSlots, offset, features);
    }

    private void AddChars(string normalized, List<int> slots)
    {
        // The character tokenizer's sequence: start marker, the text, end marker.
        var sequence = new char[normalized.Length + 2];
        sequence[0] = NgramText.TextStart;
        normalized.CopyTo(0, sequence, 1, normalized.Length);
        sequence[^1] = NgramText.TextEnd;
        for (int length = 1; length < _chars.Length; length++)
        {
            var grams = _chars[length];
            if (grams.Count == 0) continue;
            for (int i = 0; i + length <= sequence.Length; i++)
            {
                ulong gram = 0;
                for (int j = 0; j < length; j++) gram = gram << 16 | sequence[i + j];
                if (grams.TryGetValue(gram, out int slot)) slots.Add(slot);
            }
        }
    }

    private bool AddWords(string[] tokens, List<int> slots)
    {
        foreach (var token in tokens) if (token.Contains('|')) return false;
        var buffer = new char[256];
        for (int i = 0; i < tokens.Length; i++)
        {
            int used = 0;
            for (int length = 1; length <= _maxWordLength && i + length <= tokens.Length; length++)
            {
                var token = tokens[i + length - 1];
                int need = used + 1 + token.Length;
                if (need > buffer.Length) Array.Resize(ref buffer, 2 * need);
                if (length > 1) buffer[used++] = '|';
                token.CopyTo(0, buffer, used, token.Length);
                used += token.Length;
                var name = buffer.AsSpan(0, used);
                if (_wordLookup.TryGetValue(name, out int slot))
                {
                    if (_ambiguous.Count > 0 && _ambiguous.Contains(name.ToString())) return false;
                    slots.Add(slot);
                }
            }
        }
        return true;
    }

    // Counts per slot, L2-normalised over the whole part (kept or not), then the kept slots.
    private bool AddNormalized(List<int> slots, int offset, List<KeyValuePair<int, float>> features)
    {
        if (slots.Count == 0) return true;
        slots.Sort();
        float sumOfSquares = 0;
        for (int i = 0; i < slots.Count;)
        {
            int j = i;
            while (j < slots.Count && slots[j] == slots[i]) j++;
            float count = j - i;
            sumOfSquares += count * count;
            i = j;
        }
        // Below 2^24 a float sum of integer squares is exact in any order; above, ML.NET's SIMD order decides its rounding.
        if (sumOfSquares >= 1 << 24) return false;
        float scale = 1 / MathF.Sqrt(sumOfSquares);
        for (int i = 0; i < slots.Count;)
        {
            int j = i;
            while (j < slots.Count && slots[j] == slots[i]) j++;
            int kept = _kept[slots[i]];
            if (kept >= 0) features.Add(new(offset + kept, (j - i) * scale));
            i = j;
        }
        return true;
    }

    /// <summary>
    /// ulong's own hash XORs the two halves, which for packed lower-case letters leaves about a thousand distinct
    /// values for 100,000 n-grams; a multiplicative hash spreads them.
    /// </summary>
    private sealed class PackedGramComparer : IEqualityComparer<ulong>
    {
        public static readonly PackedGramComparer Instance = new();

        public bool Equals(ulong x, ulong y) => x == y;

        public int GetHashCode(ulong gram) => (int)((gram * 0x9E3779B97F4A7C15UL) >> 32);
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
