using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;
using System.Text.Json;
using NewsStance.Apps;
using NewsStance.Internal.Models;

namespace NewsStance.Cli.Internal;

/// <summary>
/// <c>newsstance --version</c>: the program's version (set once, in Directory.Build.props) and the identity
/// of the bundle it scores with when no <c>--model</c> is given, read from its manifest without loading it.
/// </summary>
internal sealed class VersionAction(TextWriter stdout) : SynchronousCommandLineAction
{
    /// <summary>Replaces the default <c>--version</c> of <paramref name="root"/>, which prints the version alone.</summary>
    public static void Install(RootCommand root, TextWriter stdout)
    {
        foreach (var option in root.Options.OfType<VersionOption>())
            option.Action = new VersionAction(stdout);
    }

    public override int Invoke(ParseResult parseResult)
    {
        stdout.WriteLine($"newsstance {ProgramVersion()}");
        var dir = ModelLocator.Find();
        stdout.WriteLine(dir is null ? "model: none found (pass --model DIR when scoring)" : $"model: {Describe(dir)}");
        return 0;
    }

    /// <summary>The informational version with the commit shortened: 0.1.0+692c0b0.</summary>
    public static string ProgramVersion()
    {
        var version = typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";
        var plus = version.IndexOf('+');
        return plus >= 0 && version.Length > plus + 8 ? version[..(plus + 8)] : version;
    }

    /// <summary>The bundle's folder name and path, when it was trained, on what data, with which stance features.</summary>
    private static string Describe(string dir)
    {
        var name = Path.GetFileName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(dir)));
        Manifest manifest;
        try { manifest = Manifest.Read(Path.Combine(dir, ModelBundle.ManifestFile)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
        { return $"{name} ({dir}): unreadable manifest ({e.Message})"; }
        var data = manifest.TrainingDataHash.Length >= 12 ? manifest.TrainingDataHash[..12] : manifest.TrainingDataHash;
        return $"{name} ({Path.GetFullPath(dir)})\n"
            + $"  trained {manifest.CreatedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC on training data sha256 {data}, bundle format {manifest.FormatVersion}, ML.NET {manifest.MlNetVersion}\n"
            + $"  stance: {manifest.Stance?.Features ?? "none"} ({manifest.Stance?.Trainer ?? "-"}); speakers: {manifest.Speaker?.Trainer ?? "rules"}";
    }
}
