namespace NewsStance.Internal.Stance;

/// <summary>
/// A read-only map from packed n-gram keys (<see cref="NgramBag"/>'s characters or word ids, packed into a ulong) to
/// featurizer slots, open-addressed in two flat arrays: a lookup is a multiply, a shift and a probe or two, with no
/// comparer call. A scored quote makes thousands of lookups, which made <see cref="Dictionary{TKey, TValue}"/> with a
/// custom comparer most of the stance model's cost. As with <c>Dictionary.TryAdd</c>, the first slot added under a key wins.
/// </summary>
internal sealed class PackedSlotTable
{
    private readonly ulong[] _keys;
    // Each entry's slot + 1, so that a new array's zeros are its empty entries (no fill of a megabyte at start-up).
    private readonly int[] _slotsPlusOne;
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
        _slotsPlusOne = new int[1 << bits];
        _shift = 64 - bits;
        _mask = (1 << bits) - 1;
        for (int k = 0; k < keys.Length; k++)
        {
            var (key, slot) = (keys[k], slots[k]);
            if (slot is < 0 or int.MaxValue) throw new ArgumentOutOfRangeException(nameof(slots), $"slot {slot} of key {key}");
            int i = Home(key);
            while (_slotsPlusOne[i] != 0 && _keys[i] != key) i = (i + 1) & _mask;
            if (_slotsPlusOne[i] != 0) continue;
            (_keys[i], _slotsPlusOne[i]) = (key, slot + 1);
            Count++;
        }
    }

    /// <summary>The number of distinct keys.</summary>
    public int Count { get; }

    /// <summary>The slot of <paramref name="key"/>; false when the table does not hold it.</summary>
    public bool TryGetValue(ulong key, out int slot)
    {
        int i = Home(key);
        int slotPlusOne;
        while ((slotPlusOne = _slotsPlusOne[i]) != 0)
        {
            if (_keys[i] == key)
            {
                slot = slotPlusOne - 1;
                return true;
            }
            i = (i + 1) & _mask;
        }
        slot = -1;
        return false;
    }

    // Fibonacci hashing: the key's bits spread over the top bits of the product (packed letters alone vary in few bits).
    private int Home(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> _shift);
}
