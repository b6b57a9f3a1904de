using System.Runtime.CompilerServices;

namespace NewsStance.Cli.Tests.Support;

/// <summary>Expected output kept in <c>Expectations/NAME</c> beside the tests, for outputs too long to read inline.</summary>
internal static class Expectation
{
    public static string Of(string name, [CallerFilePath] string caller = "")
    {
        var dir = Path.GetDirectoryName(caller)!;
        // Support/ lives one level down from the project folder.
        if (Path.GetFileName(dir) == "Support") dir = Path.GetDirectoryName(dir)!;
        return File.ReadAllText(Path.Combine(dir, "Expectations", name)).ReplaceLineEndings("\n");
    }
}
