using System.Collections.Frozen;

namespace NewsStance.Internal;

/// <summary>
/// Person role nouns ("spokesman", "minister"), and the hyphenated compounds they head: English compounds take their
/// head on the right, so "vice-chair", "co-founder" and "ex-minister" are roles when their last part is one and the
/// part before it is a role prefix (a data list). Lookups ignore case.
/// </summary>
internal sealed class RoleNouns(FrozenSet<string> roles, FrozenSet<string> prefixes)
{
    // Span lookups: the mention finder asks for every word, so a compound's parts are never allocated as strings.
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _roles = roles.GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly FrozenSet<string>.AlternateLookup<ReadOnlySpan<char>> _prefixes = prefixes.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>True when <paramref name="word"/> is a role noun or a prefixed hyphenated compound of one.</summary>
    public bool Contains(string word)
    {
        if (roles.Contains(word)) return true;
        int hyphen = word.LastIndexOf('-');
        return hyphen > 0 && hyphen < word.Length - 1 && _roles.Contains(word.AsSpan(hyphen + 1))
            && _prefixes.Contains(word.AsSpan(0, hyphen));
    }

    /// <summary>The same, for a word not made a string (a token of the article, as the mention finder reads most of them).</summary>
    public bool Contains(ReadOnlySpan<char> word)
    {
        if (_roles.Contains(word)) return true;
        int hyphen = word.LastIndexOf('-');
        return hyphen > 0 && hyphen < word.Length - 1 && _roles.Contains(word[(hyphen + 1)..]) && _prefixes.Contains(word[..hyphen]);
    }
}
