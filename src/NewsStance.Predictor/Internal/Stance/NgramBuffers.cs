namespace NewsStance.Internal.Stance;

/// <summary>
/// The working memory of featurising stance rows (<see cref="NgramBag"/>, <see cref="LinearStanceScorer"/>), reused
/// from row to row so that a row allocates nothing. One thread's at a time: <see cref="MlStanceModel"/> keeps a few
/// and lends one to each article.
/// </summary>
internal sealed class NgramBuffers
{
    private char[] _sequence = new char[256];
    private int[] _counts = [];
    private ulong[] _counted = [];
    private ulong[] _countedWords = [];

    /// <summary>The featurizer slots of one text's character n-grams, one entry per occurrence.</summary>
    public List<int> CharSlots { get; } = new(512);

    /// <summary>The featurizer slots of one text's word n-grams, one entry per occurrence.</summary>
    public List<int> WordSlots { get; } = new(128);

    /// <summary>One text's word tokens as ids (<see cref="NgramBag"/>'s).</summary>
    public List<int> TokenIds { get; } = new(128);

    /// <summary>One row's features, by increasing index once complete.</summary>
    public List<KeyValuePair<int, float>> Features { get; } = new(256);

    /// <summary>A character buffer of at least <paramref name="length"/> characters (its content is not kept).</summary>
    public Span<char> Sequence(int length)
    {
        if (_sequence.Length < length) _sequence = new char[Math.Max(length, 2 * _sequence.Length)];
        return _sequence;
    }

    /// <summary>
    /// A count per featurizer slot, a bit per slot (whether it is counted) and a bit per word of those bits (whether it
    /// has any set), for <paramref name="slots"/> slots: all zero, and to be left so (a column of 100,000 slots is
    /// cleared by the few it counted, not anew).
    /// </summary>
    public (int[] Counts, ulong[] Counted, ulong[] CountedWords) Counts(int slots)
    {
        if (_counts.Length < slots)
        {
            int words = (slots + 63) / 64;
            (_counts, _counted, _countedWords) = (new int[slots], new ulong[words], new ulong[(words + 63) / 64]);
        }
        return (_counts, _counted, _countedWords);
    }
}
