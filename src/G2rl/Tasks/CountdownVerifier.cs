using G2rl.Data;
using G2rl.Grading;

namespace G2rl.Tasks;

/// <summary>
/// Grades a countdown response <c>EXPR=TARGET</c> (surrounding whitespace and spaces inside ignored): exactly one
/// <c>=</c>, the right side is the problem's target, and the expression uses only the given numbers (each at most
/// once as often as given), divides exactly and evaluates to the target. <see cref="GradeResult.Extracted"/> is the
/// expression text (trimmed) whenever the response has exactly one <c>=</c> with something before it.
/// Never throws; responses longer than <see cref="MaxResponseLength"/> characters are incorrect.
/// </summary>
public sealed class CountdownVerifier : IProblemVerifier
{
    /// <summary>Longest response that is parsed at all; a real solution needs a fraction of this.</summary>
    public const int MaxResponseLength = 256;

    /// <inheritdoc/>
    public GradeResult Verify(Problem problem, string response)
    {
        var expr = Evaluate(problem, response, out var extracted);
        return new GradeResult(expr is not null, extracted);
    }

    /// <summary>The canonical form of a correct response's expression, or null when the response is incorrect.</summary>
    internal static CountdownExpr? Evaluate(Problem? problem, string? response, out string? extracted)
    {
        extracted = null;
        if (problem is null || response is null || response.Length > MaxResponseLength)
        {
            return null;
        }

        var eq = response.IndexOf('=', StringComparison.Ordinal);
        if (eq < 0 || response.IndexOf('=', eq + 1) >= 0)
        {
            return null;
        }

        var lhs = response[..eq].Trim();
        if (lhs.Length == 0)
        {
            return null;
        }

        extracted = lhs;
        if (!CountdownPuzzle.TryParse(problem.Question, out var puzzle)
            || !string.Equals(response[(eq + 1)..].Trim(), problem.Answer, StringComparison.Ordinal)
            || !string.Equals(problem.Answer, puzzle.Target.ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))
        {
            return null;
        }

        var expr = CountdownParser.Parse(lhs, puzzle.Numbers);
        return expr is not null && expr.Value == puzzle.Target ? expr : null;
    }
}
