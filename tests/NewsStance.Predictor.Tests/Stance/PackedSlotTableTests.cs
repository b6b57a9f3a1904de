using NewsStance.Internal.Stance;

namespace NewsStance.Tests.Stance;

public sealed class PackedSlotTableTests
{
    [Fact]
    public void Finds_every_key_it_holds_and_no_other()
    {
        // Given: packed character n-grams of a few lengths (keys that differ in few bits), and key 0
        var keys = Enumerable.Range(0, 5000).Select(i => (ulong)(uint)('a' + i % 26) << 32 | (ulong)(uint)('a' + i / 26 % 26) << 16 | (uint)(i / 676))
            .Append(0UL).Distinct().ToList();
        var table = new PackedSlotTable([.. keys], [.. Enumerable.Range(0, keys.Count)]);

        // Then
        Assert.Equal(keys.Count, table.Count);
        for (int i = 0; i < keys.Count; i++)
        {
            Assert.True(table.TryGetValue(keys[i], out int slot));
            Assert.Equal(i, slot);
        }
        Assert.False(table.TryGetValue(1UL << 63, out _));
        Assert.False(table.TryGetValue((ulong)'z' << 48, out _));
    }

    [Fact]
    public void A_key_added_twice_keeps_its_first_slot()
    {
        var table = new PackedSlotTable([7, 9, 7], [3, 1, 5]);

        Assert.Equal(2, table.Count);
        Assert.True(table.TryGetValue(7, out int slot));
        Assert.Equal(3, slot);
    }

    [Fact]
    public void An_empty_table_holds_nothing()
    {
        var table = new PackedSlotTable([], []);

        Assert.Equal(0, table.Count);
        Assert.False(table.TryGetValue(0, out _));
    }
}
