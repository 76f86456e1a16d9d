using System.Diagnostics;

namespace G2rl.Grading;

/// <summary>
/// Work limit of one comparison: a wall-clock deadline plus a step cap. Parser, evaluator and comparer call
/// <see cref="Tick"/> as they go; when the budget is spent it throws <see cref="BudgetExceededException"/>.
/// </summary>
internal sealed class Budget
{
    /// <summary>Upper bound on steps whatever the time limit, so a comparison is bounded even on a fast machine.</summary>
    public const long MaxSteps = 5_000_000;

    private readonly long _deadline;
    private long _steps;

    public Budget(TimeSpan limit)
    {
        var ticks = limit <= TimeSpan.Zero ? 0 : (long)(limit.TotalSeconds * Stopwatch.Frequency);
        _deadline = Stopwatch.GetTimestamp() + ticks;
    }

    /// <summary>Steps taken so far.</summary>
    public long Steps => _steps;

    /// <summary>Counts one step; checks the clock every 64 steps.</summary>
    public void Tick()
    {
        _steps++;
        if ((_steps & 63) == 0 || _steps == 1)
        {
            if (_steps > MaxSteps || Stopwatch.GetTimestamp() > _deadline)
            {
                throw new BudgetExceededException();
            }
        }
    }
}
