using System.Globalization;
using System.Text;
using G2rl.Data;
using G2rl.Grading;

namespace G2rl.Tasks;

/// <summary>
/// Multi-step arithmetic with a boxed answer: prompt <c>5+3*2=?</c>, response the expression rewritten one
/// operation at a time, ending in the boxed value: <c>5+6=\boxed{11}</c>. Correct = the last box holds the value.
/// Several step orders are correct when independent operations exist (<c>2*3+4*5</c>) or a run of additions and
/// subtractions may be grouped differently (<c>7-2-3</c> → <c>5-3</c> or <c>7-5</c>).
/// </summary>
public sealed class ArithmeticTask : ISyntheticTask
{
    /// <summary>The registry name.</summary>
    public const string TaskName = "arithmetic";

    /// <summary>Longest question generated, including the final <c>=?</c>.</summary>
    public const int MaxQuestionLength = 30;

    /// <summary>Longest correct response generated (the longest of <see cref="AllSolutions"/>).</summary>
    public const int MaxResponseLength = 40;

    private const int MaxAttempts = 10000;
    private const int MaxPaths = 4096;
    private const string Operators = "+-*";

    private static readonly ArithmeticLevel[] Levels =
    [
        new(3, false, 99),
        new(4, false, 99),
        new(5, true, 99),
    ];

    /// <inheritdoc/>
    public string Name => TaskName;

    /// <inheritdoc/>
    public IReadOnlyList<char> Alphabet { get; } = "0123456789+-*()=?\\boxed{}".ToCharArray();

    /// <inheritdoc/>
    public int MaxDifficulty => Levels.Length;

    /// <inheritdoc/>
    public IProblemVerifier Verifier { get; } = new ArithmeticVerifier();

    /// <inheritdoc/>
    /// <remarks>
    /// Draws numbers 1–9 and operators uniformly (plus, at the highest level, parentheses around a random span that
    /// change the structure), and redraws until the answer lies in 0..the level's maximum, some step order keeps
    /// every intermediate value non-negative, and question and responses fit their length limits.
    /// </remarks>
    public Problem Generate(Random rng, int difficulty)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentOutOfRangeException.ThrowIfLessThan(difficulty, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(difficulty, MaxDifficulty);
        var level = Levels[difficulty - 1];
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var expr = ArithmeticParser.Parse(Draw(rng, level));
            if (expr is null
                || (level.Parenthesized && !expr.Text.Contains('(', StringComparison.Ordinal))
                || expr.Value < 0 || expr.Value > level.MaxAnswer
                || expr.Text.Length + 2 > MaxQuestionLength)
            {
                continue;
            }

            var solutions = Paths(expr);
            if (solutions.Count > 0 && solutions.All(s => s.Length <= MaxResponseLength))
            {
                var answer = expr.Value.ToString(CultureInfo.InvariantCulture);
                return new Problem($"{TaskName}-{expr.Text}", expr.Text + "=?", answer, AnswerKind.Math, null, TaskName)
                {
                    Subject = TaskName,
                    Level = difficulty,
                };
            }
        }

        throw new InvalidOperationException($"no arithmetic problem found in {MaxAttempts} draws at difficulty {difficulty}");
    }

    /// <inheritdoc/>
    /// <remarks>
    /// One response per distinct sequence of one-operation rewrites with non-negative intermediate values:
    /// <c>2*3+4*5=?</c> has <c>6+4*5=6+20=\boxed{26}</c> and <c>2*3+20=6+20=\boxed{26}</c>.
    /// </remarks>
    public IReadOnlyList<string> AllSolutions(Problem problem, int max)
    {
        ArgumentNullException.ThrowIfNull(problem);
        ArgumentOutOfRangeException.ThrowIfNegative(max);
        return Paths(ParseQuestion(problem)).Take(max).ToArray();
    }

    /// <inheritdoc/>
    /// <remarks>The response without spaces when it is correct: every correct text is its own solution.</remarks>
    public string? SolutionKey(Problem problem, string response) =>
        Verifier.Verify(problem, response).Correct ? response.Replace(" ", string.Empty, StringComparison.Ordinal) : null;

    private static ArithmeticExpr ParseQuestion(Problem problem)
    {
        var question = problem.Question;
        var expr = question.EndsWith("=?", StringComparison.Ordinal) ? ArithmeticParser.Parse(question[..^2]) : null;
        return expr ?? throw new ArgumentException($"not an arithmetic question: '{question}'", nameof(problem));
    }

    private static string Draw(Random rng, ArithmeticLevel level)
    {
        var (open, close) = (-1, -1);
        if (level.Parenthesized)
        {
            do
            {
                open = rng.Next(level.Count - 1);
                close = rng.Next(open + 1, level.Count);
            }
            while (open == 0 && close == level.Count - 1);
        }

        var sb = new StringBuilder();
        for (var i = 0; i < level.Count; i++)
        {
            if (i > 0)
            {
                sb.Append(Operators[rng.Next(Operators.Length)]);
            }

            sb.Append(i == open ? "(" : string.Empty).Append((char)('0' + rng.Next(1, 10))).Append(i == close ? ")" : string.Empty);
        }

        return sb.ToString();
    }

    /// <summary>Distinct step-by-step responses (at most <see cref="MaxPaths"/>), in ordinal order.</summary>
    private static List<string> Paths(ArithmeticExpr expr)
    {
        var found = new SortedSet<string>(StringComparer.Ordinal);
        Walk(expr, new StringBuilder(), found);
        return [.. found];
    }

    private static void Walk(ArithmeticExpr state, StringBuilder prefix, SortedSet<string> found)
    {
        foreach (var next in state.Steps())
        {
            if (found.Count >= MaxPaths)
            {
                return;
            }

            var length = prefix.Length;
            if (next.IsNumber)
            {
                found.Add(prefix + BoxedAnswer.Opening + next.Text + "}");
            }
            else
            {
                Walk(next, prefix.Append(next.Text).Append('='), found);
            }

            prefix.Length = length;
        }
    }
}
