namespace NewsStance.Internal;

/// <summary>Whether a process id still names a live process: a temporary file or folder named by the id of a run that has ended is a leftover to remove.</summary>
internal static class ProcessCheck
{
    public static bool IsRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException) { return false; }
        catch (InvalidOperationException) { return false; }
    }
}
