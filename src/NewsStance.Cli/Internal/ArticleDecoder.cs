using System.Text;

namespace NewsStance.Cli.Internal;

/// <summary>
/// Decodes article bytes: UTF-8 (a BOM is dropped; invalid bytes are replaced, with a warning),
/// UTF-16 LE or BE when a BOM says so, and Windows-1252 when the bytes are plainly that (with a
/// warning). A file with NUL bytes (or NUL characters in UTF-16) is refused as binary.
/// </summary>
internal static class ArticleDecoder
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);
    /// <summary>
    /// Made when first needed, as few articles are not UTF-8: the code-page tables cost every start-up an assembly load.
    /// A class of its own, so that not even precompiled code that inlines across assemblies touches them before then.
    /// </summary>
    private static class Fallback
    {
        public static readonly Encoding Windows1252 = CodePagesEncodingProvider.Instance.GetEncoding(1252)!;
    }

    /// <summary>How many leading bytes are searched for NUL to tell a binary file.</summary>
    public const int ProbeBytes = 8192;

    public const string BinaryError = "binary file (it contains NUL bytes), not a text article";

    public static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    private static ReadOnlySpan<byte> Utf16LeBom => [0xFF, 0xFE];
    private static ReadOnlySpan<byte> Utf16BeBom => [0xFE, 0xFF];

    /// <summary>Decodes UTF-8, replacing invalid bytes; <paramref name="badByte"/> is the index of the first invalid byte, or -1.</summary>
    public static string DecodeUtf8(ReadOnlySpan<byte> bytes, out int badByte)
    {
        badByte = -1;
        try { return Strict.GetString(bytes); }
        catch (DecoderFallbackException e)
        {
            badByte = e.Index;
            return Lenient.GetString(bytes);
        }
    }

    /// <summary>Returns the text, or null with <paramref name="error"/> set; <paramref name="warning"/> for replaced bytes or a guessed encoding.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out string? error, out string? warning)
    {
        error = null;
        warning = null;
        // UTF-16 is full of NUL bytes, so its BOM is looked for before the binary probe.
        if (bytes.StartsWith(Utf16LeBom) || bytes.StartsWith(Utf16BeBom))
        {
            var utf16 = bytes.StartsWith(Utf16LeBom) ? Encoding.Unicode : Encoding.BigEndianUnicode;
            var decoded = utf16.GetString(bytes[2..]);
            if (decoded.AsSpan(0, Math.Min(decoded.Length, ProbeBytes / 2)).Contains('\0'))
            {
                error = BinaryError;
                return null;
            }
            if (bytes.Length % 2 == 1) warning = "UTF-16 file with an odd number of bytes; its last byte was replaced with U+FFFD";
            return decoded;
        }
        if (bytes.StartsWith(Bom)) bytes = bytes[3..];
        var probe = bytes[..Math.Min(bytes.Length, ProbeBytes)];
        if (probe.IndexOf((byte)0) >= 0)
        {
            error = BinaryError;
            return null;
        }
        var text = DecodeUtf8(bytes, out int badByte);
        if (badByte < 0) return text;
        if (LooksLikeWindows1252(bytes))
        {
            warning = $"not UTF-8 (byte {badByte}); read as Windows-1252";
            return Fallback.Windows1252.GetString(bytes);
        }
        warning = InvalidUtf8(badByte);
        return text;
    }

    public static string InvalidUtf8(long at) => $"invalid UTF-8 at byte {at}; undecodable bytes were replaced with U+FFFD";

    /// <summary>
    /// True for bytes with no valid multi-byte UTF-8 sequence whose other bytes are all characters
    /// English news writes in Windows-1252: its punctuation (curly quotes, dashes, ellipsis: 0x80–0x9F)
    /// and the Latin-1 letters and signs (0xA0–0xFE). One valid UTF-8 sequence means UTF-8 with damage.
    /// </summary>
    private static bool LooksLikeWindows1252(ReadOnlySpan<byte> bytes)
    {
        for (int i = 0; i < bytes.Length; i++)
        {
            byte b = bytes[i];
            if (b < 0x80) continue;
            if (b is 0x81 or 0x8D or 0x8F or 0x90 or 0x9D or 0xFF) return false; // not characters in Windows-1252 news text
            if (Utf8SequenceLength(bytes[i..]) > 1) return false;
        }
        return true;
    }

    /// <summary>Length of the valid UTF-8 sequence at the start of <paramref name="bytes"/>, or 0.</summary>
    private static int Utf8SequenceLength(ReadOnlySpan<byte> bytes)
    {
        int length = bytes[0] switch { >= 0xC2 and <= 0xDF => 2, >= 0xE0 and <= 0xEF => 3, >= 0xF0 and <= 0xF4 => 4, _ => 0 };
        if (length == 0 || bytes.Length < length) return 0;
        return System.Text.Unicode.Utf8.IsValid(bytes[..length]) ? length : 0;
    }
}
