namespace NewsStance;

/// <summary>A model bundle could not be used: missing, corrupt, or made by an incompatible version.</summary>
public sealed class ModelLoadException : Exception
{
    /// <summary>Creates the exception with a message that says what to do.</summary>
    public ModelLoadException(string message, Exception? inner = null) : base(message, inner) { }
}
