using System.Reflection;
using System.Runtime.CompilerServices;
using PublicApiGenerator;

namespace NewsStance.Tests.PublicApi;

/// <summary>
/// Approval of an assembly's public API, as PublicApiGenerator prints it (nullability, <c>init</c>, default values
/// and all). The approved text is committed beside the test as <c>ASSEMBLY.approved.txt</c>; a difference fails with a
/// diff and writes <c>ASSEMBLY.received.txt</c> there: review it, and copy it over the approved file to accept it.
/// Linked into each test project that approves an assembly (not in Shared/, which every test project compiles).
/// </summary>
internal static class PublicApiApproval
{
    private static readonly ApiGeneratorOptions Options = new()
    {
        // Which assemblies see the internals is build plumbing, not API a user calls.
        ExcludeAttributes = ["System.Runtime.CompilerServices.InternalsVisibleToAttribute", "System.Reflection.AssemblyMetadataAttribute"],
    };

    public static void Verify(Assembly assembly, [CallerFilePath] string testFile = "")
    {
        var name = assembly.GetName().Name;
        var folder = Path.GetDirectoryName(testFile)!;
        var approvedPath = Path.Combine(folder, $"{name}.approved.txt");
        var receivedPath = Path.Combine(folder, $"{name}.received.txt");
        var received = assembly.GeneratePublicApi(Options).ReplaceLineEndings("\n").TrimEnd() + "\n";
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : "";

        if (received == approved)
        {
            File.Delete(receivedPath);
            return;
        }
        File.WriteAllText(receivedPath, received);
        Assert.Fail($"The public API of {name} changed. If that is meant, copy {receivedPath} over {approvedPath}.\n"
            + $"--- approved\n+++ received\n{Diff(approved, received)}");
    }

    /// <summary>The lines only one side has, marked - (approved) and + (received), in order: a longest-common-subsequence diff.</summary>
    internal static string Diff(string approved, string received)
    {
        string[] a = approved.Split('\n'), b = received.Split('\n');
        var common = new int[a.Length + 1, b.Length + 1];
        for (int i = a.Length - 1; i >= 0; i--)
            for (int j = b.Length - 1; j >= 0; j--)
                common[i, j] = a[i] == b[j] ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);
        var lines = new List<string>();
        int x = 0, y = 0;
        while (x < a.Length || y < b.Length)
        {
            if (x < a.Length && y < b.Length && a[x] == b[y]) { x++; y++; }
            else if (y < b.Length && (x == a.Length || common[x, y + 1] >= common[x + 1, y])) lines.Add("+ " + b[y++]);
            else lines.Add("- " + a[x++]);
        }
        return string.Join("\n", lines);
    }
}
