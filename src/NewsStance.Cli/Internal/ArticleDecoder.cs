using System.Text;

namespace NewsStance.Cli.Internal;

/// <summary>
/// Decodes article bytes as UTF-8: a BOM is dropped; invalid bytes are replaced (with a warning);
/// a file with NUL bytes is refused as binary.
/// </summary>
internal static class ArticleDecoder
{
    private static readonly UTF8Encoding Strict = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private static readonly UTF8Encoding Lenient = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: false);

    /// <summary>How many leading bytes are searched for NUL to tell a binary file.</summary>
    public const int ProbeBytes = 8192;

    public const string BinaryError = "binary file (it contains NUL bytes), not a text article";

    public static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

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

    /// <summary>Returns the text, or null with <paramref name="error"/> set; <paramref name="warning"/> for replaced bytes.</summary>
    public static string? Decode(ReadOnlySpan<byte> bytes, out string? error, out string? warning)
    {
        error = null;
        warning = null;
        if (bytes.StartsWith(Bom)) bytes = bytes[3..];
        var probe = bytes[..Math.Min(bytes.Length, ProbeBytes)];
        if (probe.IndexOf((byte)0) >= 0)
        {
            error = BinaryError;
            return null;
        }
        var text = DecodeUtf8(bytes, out int badByte);
        if (badByte >= 0) warning = InvalidUtf8(badByte);
        return text;
    }

    public static string InvalidUtf8(long at) => $"invalid UTF-8 at byte {at}; undecodable bytes were replaced with U+FFFD";
}
