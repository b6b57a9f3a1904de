namespace NewsStance.Tests.Shared;

/// <summary>The repository's shipped bundles (models/NAME), found above the test's output folder: the library loads only the folder it is given.</summary>
internal static class RepoModels
{
    public static string Fast => Find("fast");

    public static string Default => Find("default");

    private static string Find(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "models", name);
            if (File.Exists(Path.Combine(candidate, "manifest.json"))) return candidate;
        }
        throw new DirectoryNotFoundException($"no models/{name} above {AppContext.BaseDirectory}");
    }
}
