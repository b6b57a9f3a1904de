using System.Runtime.InteropServices;

namespace NewsStance.Training.Models;

/// <summary>
/// Swaps two folders in one step where the system can (Linux <c>renameat2</c> with <c>RENAME_EXCHANGE</c>),
/// so there is no moment at which a bundle's folder is missing: moving the old bundle aside and the new
/// one in is two renames, and a kill between them would leave no bundle at all.
/// </summary>
internal static class DirectoryExchange
{
    private const int AtCurrentDirectory = -100;
    private const uint RenameExchange = 2;

    /// <summary>Exchanges <paramref name="a"/> and <paramref name="b"/> (both must exist); false when this system cannot.</summary>
    public static bool TryExchange(string a, string b)
    {
        if (!OperatingSystem.IsLinux()) return false;
        try { return RenameAt2(AtCurrentDirectory, a, AtCurrentDirectory, b, RenameExchange) == 0; }
        catch (Exception e) when (e is EntryPointNotFoundException or DllNotFoundException) { return false; }
    }

    // DllImport rather than LibraryImport, which would need unsafe code in the project; strings go as UTF-8 on Linux.
    [DllImport("libc", EntryPoint = "renameat2", SetLastError = true)]
    private static extern int RenameAt2(int oldDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string oldPath, int newDirectory, [MarshalAs(UnmanagedType.LPUTF8Str)] string newPath, uint flags);
}
