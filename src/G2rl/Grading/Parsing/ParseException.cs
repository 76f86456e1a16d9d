namespace G2rl.Grading.Parsing;

/// <summary>The answer is not in the supported LaTeX subset; callers fall back to text comparison.</summary>
internal sealed class ParseException : Exception
{
    public ParseException() { }

    public ParseException(string message) : base(message) { }

    public ParseException(string message, Exception inner) : base(message, inner) { }
}
