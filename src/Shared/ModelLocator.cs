namespace NewsStance.Apps;

/// <summary>
/// How the apps (newsstance, newsstance-train) find a model bundle; the library itself loads only the folder
/// it is given. NEWSSTANCE_MODEL, else <c>models/NAME</c> beside the executable (where the installed tool
/// carries its bundles) or up from the working directory (a clone of the repository). A bundle can be asked
/// for by folder or by its name under <c>models/</c> (<c>default</c>, <c>fast</c>), so <c>--model fast</c>
/// works from any directory.
/// </summary>
internal static class ModelLocator
{
    public const string EnvironmentVariable = "NEWSSTANCE_MODEL";

    private const string ManifestFile = "manifest.json";

    /// <summary>The bundle to load when none is named: NEWSSTANCE_MODEL, else <c>models/default</c> found by <see cref="FindNamed"/>; null when there is none.</summary>
    public static string? Find()
    {
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return !string.IsNullOrWhiteSpace(env) ? env : FindNamed("default", SearchRoots());
    }

    /// <summary>
    /// <paramref name="model"/> itself when it is a folder, or names no bundle under <c>models/</c>
    /// (so the loader's message names what was asked for); else the <c>models/NAME</c> folder it names.
    /// </summary>
    public static string Resolve(string model) => Resolve(model, SearchRoots());

    internal static string Resolve(string model, IEnumerable<string> roots)
    {
        if (Directory.Exists(model) || !IsBundleName(model)) return model;
        return FindNamed(model, roots) ?? model;
    }

    /// <summary>What to add to the loader's "does not exist" when <paramref name="model"/> was a bare name that names no bundle.</summary>
    public static string NotFoundHint(string model)
        => IsBundleName(model) && !Directory.Exists(model)
            ? $" No models/{model} was found beside the program or above the working directory either."
            : "";

    /// <summary>The first <c>models/NAME</c> holding a manifest, walking up from each root.</summary>
    internal static string? FindNamed(string name, IEnumerable<string> roots)
    {
        foreach (var start in roots)
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "models", name);
                if (File.Exists(Path.Combine(candidate, ManifestFile))) return candidate;
            }
        }
        return null;
    }

    private static string[] SearchRoots() => [AppContext.BaseDirectory, Directory.GetCurrentDirectory()];

    /// <summary>A bare name such as <c>fast</c>: no path separators, not "." or "..".</summary>
    internal static bool IsBundleName(string model)
        => model.Length > 0 && model is not ("." or "..") && model.IndexOfAny(['/', '\\', Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar]) < 0;
}
