using G2rl.Data;

namespace G2rl.Tasks;

/// <summary>Deterministic train / held-out problem lists drawn from a synthetic task.</summary>
public static class TaskSplits
{
    /// <summary>Draws in a row that add no new question before the task counts as exhausted.</summary>
    public const int MaxDuplicateRun = 2000;

    /// <summary>
    /// Draws problems from <c>new Random(seed)</c>, held-out first, then training problems, skipping every question
    /// drawn before; so the held-out list depends only on (task, seed, held-out count, difficulty) and not on the
    /// training count. Problems are renamed <c>NAME-heldout-000123</c> / <c>NAME-train-000123</c> in draw order.
    /// </summary>
    /// <exception cref="G2rl.G2rlException">The task has fewer distinct questions at this difficulty than asked for.</exception>
    public static TaskSplit Create(ISyntheticTask task, int seed, int trainCount, int heldOutCount, int difficulty)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentOutOfRangeException.ThrowIfNegative(trainCount);
        ArgumentOutOfRangeException.ThrowIfNegative(heldOutCount);
        ArgumentOutOfRangeException.ThrowIfLessThan(difficulty, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(difficulty, task.MaxDifficulty);

        var rng = new Random(seed);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var heldOut = Draw(task, rng, seen, heldOutCount, difficulty, "heldout", trainCount + heldOutCount);
        var train = Draw(task, rng, seen, trainCount, difficulty, "train", trainCount + heldOutCount);
        return new TaskSplit(train, heldOut);
    }

    private static Problem[] Draw(ISyntheticTask task, Random rng, HashSet<string> seen, int count, int difficulty, string split, int total)
    {
        var problems = new Problem[count];
        var duplicateRun = 0;
        for (var i = 0; i < count;)
        {
            var problem = task.Generate(rng, difficulty);
            if (!seen.Add(problem.Question))
            {
                if (++duplicateRun >= MaxDuplicateRun)
                {
                    throw new G2rlException(
                        $"task '{task.Name}' at difficulty {difficulty} gave only {seen.Count} distinct problems "
                        + $"({MaxDuplicateRun} draws in a row repeated one), fewer than the {total} asked for");
                }

                continue;
            }

            duplicateRun = 0;
            problems[i] = problem with { Id = $"{task.Name}-{split}-{i:D6}" };
            i++;
        }

        return problems;
    }
}
