namespace NewsStance.Internal.Models;

/// <summary>
/// The per-user cache folder of NewsStance: <c>$XDG_CACHE_HOME/newsstance</c>, else <c>~/.cache/newsstance</c>
/// (on Windows the local application data folder). What is kept there is safe to delete: it is rebuilt.
/// </summary>
internal static class UserCacheFolder
{
    /// <summary>The folder; null when there is no such place (no home directory).</summary>
    public static string? Path { get; } = Find();

    private static string? Find()
    {
        var xdg = Environment.GetEnvironmentVariable("XDG_CACHE_HOME");
        if (!string.IsNullOrEmpty(xdg) && System.IO.Path.IsPathRooted(xdg)) return System.IO.Path.Combine(xdg, "newsstance");
        if (OperatingSystem.IsWindows())
        {
            var local = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData);
            return local.Length > 0 ? System.IO.Path.Combine(local, "newsstance", "cache") : null;
        }
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return home.Length > 0 ? System.IO.Path.Combine(home, ".cache", "newsstance") : null;
    }
}
