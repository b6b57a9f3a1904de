using NewsStance.Internal.Stance;

namespace NewsStance.Tests.Stance;

public sealed class NgramSlotsTests
{
    // A two-part column's slot names as ML.NET writes them: characters joined by '|' (space and controls as "<␠>"), then word n-grams.
    private static readonly string[] Names =
    [
        "Char.a|b", "Char.<␠>|a", "Char.x|<␀>", "Char.<PAD>", "Char.a|b|c|d",
        "Word.peace", "Word.talks", "Word.peace|talks", "Word.talks|peace", "Word.peace|talks",
    ];

    [Fact]
    public void Slot_names_become_packed_character_and_word_ngrams()
    {
        var slots = NgramSlots.FromSlotNames(Names);

        Assert.Equal(Names.Length, slots.Count);
        // NUL (never in a scored text) and <PAD> are left out; the rest keep their slots
        Assert.Equal(new ulong[] { (ulong)'a' << 16 | 'b', (ulong)' ' << 16 | 'a', (ulong)'a' << 48 | (ulong)'b' << 32 | (ulong)'c' << 16 | 'd' }, slots.CharGrams);
        Assert.Equal(new[] { 0, 1, 4 }, slots.CharSlots);
        Assert.Equal(new[] { 2, 2, 4 }, slots.CharGrams.Select(NgramSlots.CharLength));
        // Each token once, its id its place + 1; bigrams are their tokens' ids packed
        Assert.Equal(new[] { "peace", "talks" }, slots.Tokens);
        Assert.Equal(2, slots.MaxWordLength);
        int bits = slots.BitsPerToken;
        Assert.Equal(new[] { 1UL, 2UL, 1UL << bits | 2, 2UL << bits | 1, 1UL << bits | 2 }, slots.WordGrams);
        Assert.Equal(new[] { 5, 6, 7, 8, 9 }, slots.WordSlots);
        // A name given twice is ambiguous: a text that makes it is left to ML.NET
        Assert.Equal(new[] { 1UL << bits | 2 }, slots.AmbiguousWordGrams);
    }

    [Fact]
    public void The_cache_layout_reads_back_what_it_wrote()
    {
        var slots = NgramSlots.FromSlotNames(Names);

        var read = RoundTrip(slots.Write);

        Assert.Equal(slots.Count, read.Count);
        Assert.Equal(slots.CharGrams, read.CharGrams);
        Assert.Equal(slots.CharSlots, read.CharSlots);
        Assert.Equal(slots.Tokens, read.Tokens);
        Assert.Equal(slots.MaxWordLength, read.MaxWordLength);
        Assert.Equal(slots.WordGrams, read.WordGrams);
        Assert.Equal(slots.WordSlots, read.WordSlots);
        Assert.Equal(slots.AmbiguousWordGrams, read.AmbiguousWordGrams);
    }

    [Fact]
    public void A_cached_slot_outside_the_column_is_refused()
    {
        var slots = NgramSlots.FromSlotNames(Names) with { WordSlots = [5, 6, 7, 8, Names.Length] };

        Assert.Throws<InvalidDataException>(() => RoundTrip(slots.Write));
    }

    private static NgramSlots RoundTrip(Action<BinaryWriter> write)
    {
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) write(writer);
        stream.Position = 0;
        using var reader = new BinaryReader(stream);
        return NgramSlots.Read(reader);
    }
}
