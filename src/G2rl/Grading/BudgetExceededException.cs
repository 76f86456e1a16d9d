namespace G2rl.Grading;

/// <summary>Thrown inside the grader when a comparison runs out of its <see cref="Budget"/>; never escapes the public API.</summary>
internal sealed class BudgetExceededException : Exception
{
    public BudgetExceededException() : base("grading budget exceeded") { }

    public BudgetExceededException(string message) : base(message) { }

    public BudgetExceededException(string message, Exception inner) : base(message, inner) { }
}
