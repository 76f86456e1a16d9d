using G2rl.Data;

namespace G2rl.Tasks;

/// <summary>
/// A generated, automatically verifiable task for the built-in demo: short prompts and responses over a small
/// alphabet (for a character-level tokenizer), several correct responses per problem where possible.
/// </summary>
public interface ISyntheticTask
{
    /// <summary>Registry name (lower case), also the <see cref="Problem.Source"/> and <see cref="Problem.Subject"/> of its problems.</summary>
    string Name { get; }

    /// <summary>Every character that can appear in a prompt (<see cref="Problem.Question"/>) or a correct response, without repeats.</summary>
    IReadOnlyList<char> Alphabet { get; }

    /// <summary>Largest accepted difficulty; difficulties run from 1 to this value.</summary>
    int MaxDifficulty { get; }

    /// <summary>The verifier of this task's problems (exact, self-contained; never throws).</summary>
    IProblemVerifier Verifier { get; }

    /// <summary>
    /// Draws one problem from <paramref name="rng"/> only (same generator state, same problem). Every problem has at
    /// least one correct response. Its <see cref="Problem.Id"/> is derived from its content; <see cref="TaskSplits"/>
    /// renames it.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">Difficulty outside 1..<see cref="MaxDifficulty"/>.</exception>
    Problem Generate(Random rng, int difficulty);

    /// <summary>One correct response in the exact response format, uniform over <see cref="AllSolutions"/>.</summary>
    /// <exception cref="ArgumentException">The problem is not one of this task's (its question does not parse).</exception>
    string Solve(Problem problem, Random rng)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentNullException.ThrowIfNull(rng);
        var all = AllSolutions(problem, int.MaxValue);
        return all.Count > 0
            ? all[rng.Next(all.Count)]
            : throw new ArgumentException($"{Name} problem '{problem.Id}' has no solution", nameof(problem));
    }

    /// <summary>
    /// Distinct correct responses in canonical form, in ordinal order, at most <paramref name="max"/> of them
    /// (the first ones in that order when there are more).
    /// </summary>
    /// <exception cref="ArgumentException">The problem is not one of this task's (its question does not parse).</exception>
    IReadOnlyList<string> AllSolutions(Problem problem, int max);

    /// <summary>
    /// Which solution <paramref name="response"/> is, or null when it is incorrect: equal keys mean the same solution
    /// up to the task's equivalence, and a response from <see cref="AllSolutions"/> is its own key. Counting distinct
    /// keys among sampled responses measures how many different solutions a policy finds.
    /// </summary>
    string? SolutionKey(Problem problem, string response);
}
