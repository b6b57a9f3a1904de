using System.Text;

namespace NewsStance.Internal.Stance;

/// <summary>
/// The text side of ML.NET's <c>FeaturizeText</c> as the stance trainer configures it, in plain C#: the
/// normaliser (lower case, diacritics removed, punctuation kept or dropped, numbers kept), word tokens
/// (split on spaces only) and the character sequence between start and end markers. Exact only for the
/// characters <see cref="IsExact(char)"/> accepts; a text with any other character is scored by ML.NET itself.
/// </summary>
internal static class NgramText
{
    /// <summary>The marker ML.NET's character tokenizer puts before a text (STX).</summary>
    public const char TextStart = '\u0002';
    /// <summary>The marker ML.NET's character tokenizer puts after a text (ETX).</summary>
    public const char TextEnd = '\u0003';

    // Per character: the normalised character, or '\0' when the normaliser drops it. Two tables, with and without punctuation.
    private static readonly char[] KeepingPunctuation, DroppingPunctuation;

    static NgramText()
    {
        var baseLetters = BaseLetters();
        KeepingPunctuation = Table(keepPunctuation: true, baseLetters);
        DroppingPunctuation = Table(keepPunctuation: false, baseLetters);
    }

    /// <summary>
    /// Whether this class reproduces ML.NET for the character: ASCII (but NUL and DEL), Latin-1 and the Latin
    /// extensions, the combining marks (dropped, as diacritics), the byte-order mark, general punctuation (curly
    /// quotes, dashes) and currency signs.
    /// Elsewhere ML.NET's own tables (diacritics, character names in slot names) differ from .NET's Unicode data.
    /// Checked against ML.NET for every one of these characters by the tests.
    /// </summary>
    public static bool IsExact(char c) => c switch
    {
        >= '\u0001' and <= '\u007e' => true,
        >= '\u0080' and <= '\u036f' => true,
        '\ufeff' => true,
        '\u2028' or '\u2029' => false,
        >= '\u2000' and <= '\u206f' => true,
        >= '\u20a0' and <= '\u20cf' => true,
        _ => false,
    };

    /// <summary>Whether every character of <paramref name="text"/> is one <see cref="IsExact(char)"/> accepts (an empty text is).</summary>
    public static bool IsExact(ReadOnlySpan<char> text)
    {
        foreach (char c in text) if (!IsExact(c)) return false;
        return true;
    }

    /// <summary>The normalised text, as ML.NET's text normaliser writes it with these settings.</summary>
    public static string Normalize(string text, bool keepPunctuation)
    {
        var normalized = new char[text.Length];
        return new string(normalized, 0, Normalize(text, keepPunctuation, normalized));
    }

    /// <summary>Writes the normalised text to <paramref name="destination"/> (at least as long as the text) and returns its length.</summary>
    public static int Normalize(ReadOnlySpan<char> text, bool keepPunctuation, Span<char> destination)
    {
        var table = keepPunctuation ? KeepingPunctuation : DroppingPunctuation;
        int length = 0;
        foreach (char c in text)
        {
            char n = table[c];
            if (n != '\0') destination[length++] = n;
        }
        return length;
    }

    /// <summary>The word tokens of a normalised text: ML.NET's default tokenizer splits on spaces only.</summary>
    public static string[] Words(string normalized) => normalized.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static char[] Table(bool keepPunctuation, Dictionary<char, char> baseLetters)
    {
        var table = new char[char.MaxValue + 1];
        for (int i = 0; i <= char.MaxValue; i++) table[i] = NormalizeOne((char)i, keepPunctuation, baseLetters);
        return table;
    }

    private static char NormalizeOne(char c, bool keepPunctuation, Dictionary<char, char> baseLetters)
    {
        if (c == '\0' || !keepPunctuation && char.IsPunctuation(c)) return '\0';
        // A combining mark is a diacritic: removed, as from a decomposed letter.
        if (c is >= '\u0300' and <= '\u036f') return '\0';
        // A letter with diacritics becomes its base letter (é → e), then lower case.
        return char.ToLowerInvariant(baseLetters.GetValueOrDefault(c, c));
    }

    // base-letters.txt: "e èéêë…" per line. Read here, not with Unicode normalisation: the apps run with invariant globalization.
    private static Dictionary<char, char> BaseLetters()
    {
        using var stream = typeof(NgramText).Assembly.GetManifestResourceStream("NewsStance.Internal.Stance.base-letters.txt")
            ?? throw new InvalidOperationException("base-letters.txt is not embedded in the assembly");
        using var reader = new StreamReader(stream);
        var letters = new Dictionary<char, char>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length < 3 || line[0] == '#') continue;
            foreach (char c in line.AsSpan(2)) letters.Add(c, line[0]);
        }
        return letters;
    }
}
