namespace NewsStance.Internal.Stance;

/// <summary>
/// A read-only map from packed n-gram keys (<see cref="NgramBag"/>'s characters or word ids, packed into a ulong) to
/// featurizer slots, open-addressed in two flat arrays: a lookup is a multiply, a shift and a probe or two, with no
/// comparer call. A scored quote makes thousands of lookups, which made <see cref="Dictionary{TKey, TValue}"/> with a
/// custom comparer most of the stance model's cost. As with <c>Dictionary.TryAdd</c>, the first slot added under a key wins.
/// </summary>
internal sealed class PackedSlotTable
{
    private const int Empty = -1;

    private readonly ulong[] _keys;
    private readonly int[] _slots;
    private readonly int _shift;
    private readonly int _mask;

    /// <summary>A table of <paramref name="keys"/> and their <paramref name="slots"/>; a key that comes again keeps its first slot.</summary>
    public PackedSlotTable(ReadOnlySpan<ulong> keys, ReadOnlySpan<int> slots)
    {
        if (keys.Length != slots.Length) throw new ArgumentException($"{keys.Length} keys and {slots.Length} slots");
        // At most half full, so that a miss (most lookups) ends after a probe or two.
        int bits = 1;
        while (1 << bits < 2 * keys.Length) bits++;
        _keys = new ulong[1 << bits];
        _slots = new int[1 << bits];
        Array.Fill(_slots, Empty);
        _shift = 64 - bits;
        _mask = (1 << bits) - 1;
        for (int k = 0; k < keys.Length; k++)
        {
            var (key, slot) = (keys[k], slots[k]);
            if (slot < 0) throw new ArgumentOutOfRangeException(nameof(slots), $"slot {slot} of key {key}");
            int i = Home(key);
            while (_slots[i] != Empty && _keys[i] != key) i = (i + 1) & _mask;
            if (_slots[i] != Empty) continue;
            (_keys[i], _slots[i]) = (key, slot);
            Count++;
        }
    }

    /// <summary>The number of distinct keys.</summary>
    public int Count { get; }

    /// <summary>The slot of <paramref name="key"/>; false when the table does not hold it.</summary>
    public bool TryGetValue(ulong key, out int slot)
    {
        int i = Home(key);
        while ((slot = _slots[i]) != Empty)
        {
            if (_keys[i] == key) return true;
            i = (i + 1) & _mask;
        }
        return false;
    }

    // Fibonacci hashing: the key's bits spread over the top bits of the product (packed letters alone vary in few bits).
    private int Home(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
}
