namespace G2rl.Grading;

/// <summary>Process-wide settings of the grader.</summary>
public static class GradingOptions
{
    private static long _budgetTicks = TimeSpan.FromSeconds(1).Ticks;

    /// <summary>
    /// Wall-clock limit of one <see cref="MathEquivalence.AreEquivalent(string, string)"/> call (default 1 s).
    /// A comparison that runs out of time counts as "not equal". Typical comparisons take microseconds.
    /// </summary>
    public static TimeSpan ComparisonBudget
    {
        get => TimeSpan.FromTicks(Interlocked.Read(ref _budgetTicks));
        set => Interlocked.Exchange(ref _budgetTicks, value.Ticks);
    }
}
