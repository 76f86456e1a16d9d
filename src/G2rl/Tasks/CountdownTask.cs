using System.Globalization;
using G2rl.Data;
using G2rl.Grading;

namespace G2rl.Tasks;

/// <summary>
/// Countdown: reach the target from the given numbers with <c>+ - * /</c> and parentheses, each number used at most
/// once (not all need be used), divisions exact. Prompt <c>2 3 7&gt;19:</c>, response <c>7*3-2=19</c>.
/// Solutions are counted up to commutativity, associativity and sign moves (see <see cref="CountdownExpr"/>).
/// </summary>
public sealed class CountdownTask : ISyntheticTask
{
    /// <summary>The registry name.</summary>
    public const string TaskName = "countdown";

    /// <summary>Number draws that insist on a target with at least two distinct solutions.</summary>
    public const int PreferSeveralAttempts = 50;

    private const int MaxAttempts = 1000;

    private static readonly CountdownLevel[] Levels =
    [
        new(4, 2, 9, 10, 50),
        new(4, 2, 12, 10, 99),
        new(5, 2, 9, 100, 299),
    ];

    /// <inheritdoc/>
    public string Name => TaskName;

    /// <inheritdoc/>
    public IReadOnlyList<char> Alphabet { get; } = "0123456789+-*/()=>: ".ToCharArray();

    /// <inheritdoc/>
    public int MaxDifficulty => Levels.Length;

    /// <inheritdoc/>
    public IProblemVerifier Verifier { get; } = new CountdownVerifier();

    /// <summary>The problem for a puzzle: question <see cref="CountdownPuzzle.ToQuestion"/>, answer the target.</summary>
    public Problem ToProblem(CountdownPuzzle puzzle, int difficulty)
    {
        ArgumentNullException.ThrowIfNull(puzzle);
        var id = $"{TaskName}-{string.Join('_', puzzle.Numbers)}-{puzzle.Target}";
        return new Problem(id, puzzle.ToQuestion(), puzzle.Target.ToString(CultureInfo.InvariantCulture), AnswerKind.Math, null, TaskName)
        {
            Subject = TaskName,
            Level = difficulty,
        };
    }

    /// <inheritdoc/>
    /// <remarks>
    /// Draws distinct numbers (sorted ascending in the question) and picks the target uniformly among the values they
    /// reach in the level's range that exceed every number and have at least two distinct solutions, redrawing the
    /// numbers when there is none; after <see cref="PreferSeveralAttempts"/> draws, one solution is enough.
    /// </remarks>
    public Problem Generate(Random rng, int difficulty)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfLessThan(difficulty, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(difficulty, MaxDifficulty);
        var level = Levels[difficulty - 1];
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var numbers = DrawDistinct(rng, level);
            var solver = new CountdownSolver(numbers);
            var candidates = solver.ReachableValues()
                .Where(v => v >= level.MinTarget && v <= level.MaxTarget && v > numbers[^1])
                .ToArray();
            rng.Shuffle(candidates);
            foreach (var target in candidates)
            {
                var count = solver.Solutions(target).Count;
                if (count >= 2 || (count == 1 && attempt >= PreferSeveralAttempts))
                {
                    return ToProblem(new CountdownPuzzle(numbers, (int)target), difficulty);
                }

            }
        }

        throw new InvalidOperationException($"no countdown problem found in {MaxAttempts} draws at difficulty {difficulty}");
    }

    /// <inheritdoc/>
    /// <remarks>Each solution is the canonical expression followed by <c>=</c> and the target, e.g. <c>7*3-2=19</c>.</remarks>
    public IReadOnlyList<string> AllSolutions(Problem problem, int max)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        var puzzle = CountdownPuzzle.Parse(problem.Question);
        var suffix = "=" + puzzle.Target.ToString(CultureInfo.InvariantCulture);
        if (suffix[1..] != problem.Answer)
        {
            throw new ArgumentException($"countdown problem '{problem.Id}' has answer '{problem.Answer}' but target {puzzle.Target}", nameof(problem));
        }

        return new CountdownSolver(puzzle.Numbers).Solutions(puzzle.Target)
            .Select(s => s + suffix)
            .Order(StringComparer.Ordinal)
            .Take(max)
            .ToArray();
    }

    /// <inheritdoc/>
    /// <remarks>
    /// The canonical, sign-normal solution: <c>2*(3+4)=14</c> and <c>(4+3)*2=14</c> share the key <c>(4+3)*2=14</c>,
    /// and <c>4-8*(3-11)=68</c> has the key <c>(11-3)*8+4=68</c>.
    /// </remarks>
    public string? SolutionKey(Problem problem, string response)
    {
        var expr = CountdownVerifier.Evaluate(problem, response, out _);
        return expr is null ? null : expr.Normalize(out _).Text + "=" + problem.Answer;
    }

    private static int[] DrawDistinct(Random rng, CountdownLevel level)
    {
        var pool = Enumerable.Range(level.MinNumber, level.MaxNumber - level.MinNumber + 1).ToArray();
        for (var i = 0; i < level.Count; i++)
        {
            var j = i + rng.Next(pool.Length - i);
            (pool[i], pool[j]) = (pool[j], pool[i]);
        }

        var numbers = pool[..level.Count];
        Array.Sort(numbers);
        return numbers;
    }
}
