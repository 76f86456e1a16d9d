namespace G2rl.Tasks;

/// <summary>Measures how many distinct solutions a task's problems have and how long prompts and responses are.</summary>
public static class TaskStatistics
{
    /// <summary>
    /// Draws <paramref name="count"/> problems with <c>new Random(seed)</c> at <paramref name="difficulty"/> and
    /// enumerates up to <paramref name="maxSolutions"/> solutions of each.
    /// </summary>
    public static TaskStatisticsReport Measure(ISyntheticTask task, int seed, int count, int difficulty, int maxSolutions = 1000)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(maxSolutions);
        var rng = new Random(seed);
        var counts = new List<int>(count);
        long promptChars = 0, responseChars = 0, responses = 0;
        int maxPrompt = 0, maxResponse = 0;
        for (var i = 0; i < count; i++)
        {
            var problem = task.Generate(rng, difficulty);
            var solutions = task.AllSolutions(problem, maxSolutions);
            counts.Add(solutions.Count);
            promptChars += problem.Question.Length;
            maxPrompt = Math.Max(maxPrompt, problem.Question.Length);
            foreach (var s in solutions)
            {
                responseChars += s.Length;
                responses++;
                maxResponse = Math.Max(maxResponse, s.Length);
            }
        }

        counts.Sort();
        return new TaskStatisticsReport(
            task.Name,
            difficulty,
            count,
            counts,
            promptChars / (double)count,
            maxPrompt,
            responses == 0 ? 0 : responseChars / (double)responses,
            maxResponse);
    }
}
