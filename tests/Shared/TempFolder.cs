using System.Text;

namespace NewsStance.Tests.Shared;

/// <summary>A fresh folder under the system temp path, deleted when the test ends. Shared by every test project.</summary>
internal sealed class TempFolder : IDisposable
{
    private static readonly UTF8Encoding Utf8NoBom = new(encoderShouldEmitUTF8Identifier: false);

    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "newsstance-tests", Guid.NewGuid().ToString("N"));

    public string PathOf(string relative) => System.IO.Path.Combine(Path, relative);

    /// <summary>The same as <see cref="PathOf"/>.</summary>
    public string File(string relative) => PathOf(relative);

    /// <summary>Writes <paramref name="text"/> as UTF-8 without a BOM, creating folders on the way.</summary>
    public string Write(string relative, string text) => WriteBytes(relative, Utf8NoBom.GetBytes(text));

    public string WriteBytes(string relative, byte[] bytes)
    {
        var full = PathOf(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
