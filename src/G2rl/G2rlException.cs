namespace G2rl;

/// <summary>An error caused by the user's input (a file, a config field, an option) with a message that names it.</summary>
public sealed class G2rlException : Exception
{
    public G2rlException(string message) : base(message) { }
    public G2rlException(string message, Exception inner) : base(message, inner) { }
    public G2rlException() { }
}
