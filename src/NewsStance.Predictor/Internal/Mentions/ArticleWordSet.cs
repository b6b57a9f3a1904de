using NewsStance.Internal.Reading;

namespace NewsStance.Internal.Mentions;

/// <summary>
/// A set of words an article writes, held as the index of a token that spells each: adding a token's word makes no
/// string of it, and a word is looked up by its characters. The mention finder keeps two (the words an article writes
/// in lower case, the words it capitalises inside a sentence) to ask about a few sentence-opening words; as sets of
/// strings, they made a string of every distinct word of the article.
/// </summary>
internal sealed class ArticleWordSet : IEqualityComparer<int>, IAlternateEqualityComparer<ReadOnlySpan<char>, int>
{
    private readonly Article _article;
    private readonly HashSet<int>.AlternateLookup<ReadOnlySpan<char>> _words;

    public ArticleWordSet(Article article)
    {
        _article = article;
        _words = new HashSet<int>(this).GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Adds the word of token <paramref name="token"/> (ordinal: its characters as written).</summary>
    public void Add(int token) => _words.Set.Add(token);

    /// <summary>Whether the article's added tokens spell <paramref name="word"/>, character for character.</summary>
    public bool Contains(ReadOnlySpan<char> word) => _words.Contains(word);

    private ReadOnlySpan<char> WordOf(int token) => _article.Slice(_article.Tokens[token]);

    bool IEqualityComparer<int>.Equals(int x, int y) => WordOf(x).SequenceEqual(WordOf(y));

    int IEqualityComparer<int>.GetHashCode(int token) => string.GetHashCode(WordOf(token));

    bool IAlternateEqualityComparer<ReadOnlySpan<char>, int>.Equals(ReadOnlySpan<char> word, int token) => word.SequenceEqual(WordOf(token));

    int IAlternateEqualityComparer<ReadOnlySpan<char>, int>.GetHashCode(ReadOnlySpan<char> word) => string.GetHashCode(word);

    // Words are added by token only; a word that is no token's has no index to stand for it.
    int IAlternateEqualityComparer<ReadOnlySpan<char>, int>.Create(ReadOnlySpan<char> word) =>
        throw new NotSupportedException("an ArticleWordSet holds tokens: add the token, not its word");
}
