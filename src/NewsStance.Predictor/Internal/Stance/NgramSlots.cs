using System.Numerics;
using NewsStance.Internal.Models;

namespace NewsStance.Internal.Stance;

/// <summary>
/// The n-gram dictionary of one <c>FeaturizeText</c> column as plain arrays, parsed once from the featurizer's slot
/// names (<see cref="FromSlotNames"/>): its character n-grams, packed 16 bits a character; its word n-grams (<c>a|b</c>),
/// as the ids of their tokens (1 for <see cref="Tokens"/>[0], and so on) packed <see cref="BitsPerToken"/> bits each; and
/// each n-gram's slot in the featurizer's output. The model cache keeps
/// these arrays (<see cref="Write"/>, <see cref="Read"/>), so a warm start parses no slot names: a text column has 100,000+.
/// </summary>
/// <param name="Count">The number of slots of the featurizer's output.</param>
/// <param name="CharGrams">
/// The character n-grams, packed 16 bits a character: as none holds NUL (which no scored text holds either), the
/// first character's bits tell the length, and n-grams of every length share one key space.
/// </param>
/// <param name="CharSlots">Each character n-gram's slot.</param>
/// <param name="Tokens">The word tokens of the word n-grams, by id − 1.</param>
/// <param name="MaxWordLength">The most tokens in a word n-gram.</param>
/// <param name="WordGrams">The word n-grams, their token ids packed <see cref="BitsPerToken"/> bits each.</param>
/// <param name="WordSlots">Each word n-gram's slot.</param>
/// <param name="AmbiguousWordGrams">
/// The word n-grams named by two slots (a token with '|' in it looks like a bigram): a text that makes one is left to ML.NET.
/// </param>
internal sealed record NgramSlots(int Count, ulong[] CharGrams, int[] CharSlots, string[] Tokens, int MaxWordLength, ulong[] WordGrams, int[] WordSlots,
    ulong[] AmbiguousWordGrams)
{
    private const string CharPrefix = "Char.";
    private const string WordPrefix = "Word.";
    private const int MaxCharLength = 4;

    /// <summary>The bits of a token id in <see cref="WordGrams"/>.</summary>
    public int BitsPerToken => BitsFor(Tokens.Length);

    private static int BitsFor(int tokens) => 64 - BitOperations.LeadingZeroCount((ulong)tokens);

    /// <summary>The dictionary of the featurizer with these output slot names (<c>Char.</c>/<c>Word.</c> prefixed when it has both parts).</summary>
    /// <exception cref="NotSupportedException">The names are of another shape, or word n-grams too long to pack into 64 bits.</exception>
    public static NgramSlots FromSlotNames(IReadOnlyList<string> slotNames)
    {
        bool twoParts = slotNames.Count > 0 && (slotNames[0].StartsWith(CharPrefix, StringComparison.Ordinal) || slotNames[0].StartsWith(WordPrefix, StringComparison.Ordinal));
        var (charGrams, charSlots) = (new List<ulong>(), new List<int>());
        var tokenIds = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokenLookup = tokenIds.GetAlternateLookup<ReadOnlySpan<char>>();
        var words = new List<(int[] Tokens, int Slot)>();
        int maxWordLength = 0;
        for (int slot = 0; slot < slotNames.Count; slot++)
        {
            var span = slotNames[slot].AsSpan();
            if (twoParts && span.StartsWith(CharPrefix))
            {
                // Character names a parser cannot read (<PAD>, \u…) belong to characters IsExact refuses, which a scored text never has.
                if (!TryParseChars(span[CharPrefix.Length..], out var gram)) continue;
                charGrams.Add(gram);
                charSlots.Add(slot);
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
                if (!tokenLookup.TryGetValue(token, out int id)) tokenLookup.TryAdd(token, id = tokenIds.Count + 1);
                tokens[part++] = id;
            }
            words.Add((tokens, slot));
            maxWordLength = Math.Max(maxWordLength, tokens.Length);
        }

        int bits = BitsFor(tokenIds.Count);
        if (maxWordLength * bits > 64)
            throw new NotSupportedException($"word n-grams of {maxWordLength} tokens out of {tokenIds.Count} do not pack into 64 bits");
        var wordGrams = new ulong[words.Count];
        var seen = new HashSet<ulong>();
        var ambiguous = new HashSet<ulong>();
        for (int i = 0; i < words.Count; i++)
        {
            foreach (int id in words[i].Tokens) wordGrams[i] = wordGrams[i] << bits | (uint)id;
            if (!seen.Add(wordGrams[i])) ambiguous.Add(wordGrams[i]);
        }
        var tokenNames = new string[tokenIds.Count];
        foreach (var (token, id) in tokenIds) tokenNames[id - 1] = token;
        return new NgramSlots(slotNames.Count, [.. charGrams], [.. charSlots], tokenNames, maxWordLength,
            wordGrams, [.. words.Select(w => w.Slot)], [.. ambiguous]);
    }

    /// <summary>Writes the arrays, for <see cref="Read"/>.</summary>
    public void Write(BinaryWriter writer)
    {
        writer.Write(Count);
        CacheFileArrays.Write(writer, CharGrams);
        CacheFileArrays.Write(writer, CharSlots);
        writer.Write(Tokens.Length);
        foreach (var token in Tokens) writer.Write(token);
        writer.Write(MaxWordLength);
        CacheFileArrays.Write(writer, WordGrams);
        CacheFileArrays.Write(writer, WordSlots);
        CacheFileArrays.Write(writer, AmbiguousWordGrams);
    }

    /// <summary>Reads what <see cref="Write"/> wrote.</summary>
    /// <exception cref="InvalidDataException">The arrays do not hold together (a slot outside the column, a length out of range).</exception>
    public static NgramSlots Read(BinaryReader reader)
    {
        int count = CacheFileArrays.Count(reader);
        var (charGrams, charSlots) = (CacheFileArrays.Read<ulong>(reader), CacheFileArrays.Read<int>(reader));
        var tokens = new string[CacheFileArrays.Count(reader)];
        for (int i = 0; i < tokens.Length; i++) tokens[i] = reader.ReadString();
        int maxWordLength = reader.ReadInt32();
        var (wordGrams, wordSlots, ambiguous) = (CacheFileArrays.Read<ulong>(reader), CacheFileArrays.Read<int>(reader), CacheFileArrays.Read<ulong>(reader));
        if (charSlots.Length != charGrams.Length || wordSlots.Length != wordGrams.Length
            || maxWordLength < 0 || maxWordLength * BitsFor(tokens.Length) > 64
            || !WithinColumn(charSlots, count) || !WithinColumn(wordSlots, count))
            throw new InvalidDataException("n-gram slots that do not hold together");
        return new NgramSlots(count, charGrams, charSlots, tokens, maxWordLength, wordGrams, wordSlots, ambiguous);
    }

    private static bool WithinColumn(int[] slots, int count)
    {
        foreach (int slot in slots) if (slot < 0 || slot >= count) return false;
        return true;
    }

    /// <summary>The length of a character n-gram of <see cref="CharGrams"/>.</summary>
    public static int CharLength(ulong gram) => (64 - BitOperations.LeadingZeroCount(gram) + 15) / 16;

    // A character n-gram's slot name: characters joined by '|', each itself or, for controls and space, "<␠>". False
    // for a name of another form, and for one with NUL in it, which no scored text holds.
    private static bool TryParseChars(ReadOnlySpan<char> name, out ulong gram)
    {
        gram = 0;
        int length = 0;
        int i = 0;
        while (i < name.Length)
        {
            if (length == MaxCharLength) return false;
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
            if (c == '\0') return false;
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
