namespace NewsStance.Internal.Models;

/// <summary>Finds the default model bundle: NEWSSTANCE_MODEL, beside the executable, or up from the working directory.</summary>
internal static class ModelLocator
{
    public const string EnvironmentVariable = "NEWSSTANCE_MODEL";

    public static string? Find()
    {
        var env = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(env)) return env;
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                var candidate = Path.Combine(dir.FullName, "models", "default");
                if (File.Exists(Path.Combine(candidate, ModelBundle.ManifestFile))) return candidate;
            }
        }
        return null;
    }
}
