using G2rl.Grading.Numerics;
using G2rl.Grading.Syntax;

namespace G2rl.Grading.Comparison;

/// <summary>
/// Compares scalar expressions: exactly when both evaluate to rationals, otherwise with relative tolerance
/// <see cref="RelativeTolerance"/>; with free variables, at every <see cref="SamplePoints"/> point.
/// </summary>
internal sealed class ScalarComparer
{
    public const double RelativeTolerance = 1e-4;

    /// <summary>Differences below this count as zero (floating-point noise such as sin(pi)).</summary>
    public const double AbsoluteTolerance = 1e-10;

    private static readonly Dictionary<string, Scalar> NoVariables = new(StringComparer.Ordinal);

    private readonly Budget _budget;

    public ScalarComparer(Budget budget)
    {
        _budget = budget;
    }

    public bool Equal(Expr a, Expr b)
    {
        var infinityA = InfinitySign(a);
        var infinityB = InfinitySign(b);
        if (infinityA != 0 || infinityB != 0)
        {
            return infinityA == infinityB;
        }
        var valid = 0;
        foreach (var (x, y) in Values(a, b))
        {
            if (x.IsNaN && y.IsNaN)
            {
                continue; // both undefined at this point
            }
            if (!Close(x, y) && !(x.Exact is { } ex && y.Exact is { } ey && DecimalRounding.Matches(a, ex, b, ey)))
            {
                return false;
            }
            valid++;
        }
        return valid > 0;
    }

    /// <summary>
    /// True when d1 = k * d2 at every point for one constant k != 0 (k > 0 when <paramref name="positive"/>):
    /// the test for equations and inequalities written differently ("y = 2x+1" vs "2x - y + 1 = 0").
    /// </summary>
    public bool Proportional(Expr d1, Expr d2, bool positive)
    {
        var values = Values(d1, d2).ToList();
        if (values.Any(v => v.A.IsNaN || v.B.IsNaN))
        {
            return false;
        }
        var reference = values.FindIndex(v => !v.B.IsZero(AbsoluteTolerance));
        if (reference < 0)
        {
            return values.All(v => v.A.IsZero(AbsoluteTolerance));
        }
        var k = ScalarArithmetic.Divide(values[reference].A, values[reference].B);
        if (k.IsNaN || !k.IsFinite || k.IsZero(AbsoluteTolerance) || (positive && !(k.IsReal && k.Value.Real > 0)))
        {
            return false;
        }
        return values.All(v => Close(v.A, ScalarArithmetic.Multiply(k, v.B)));
    }

    /// <summary>Two constant expressions within a loose relative tolerance (for "\approx"); false with free variables.</summary>
    public bool Near(Expr a, Expr b, double relativeTolerance)
    {
        if (VariableCollector.Collect(a, b).Count > 0)
        {
            return false;
        }
        var evaluator = new Evaluator(_budget, NoVariables);
        var (x, y) = (evaluator.Evaluate(a), evaluator.Evaluate(b));
        if (!x.IsFinite || !y.IsFinite)
        {
            return false;
        }
        var difference = System.Numerics.Complex.Abs(x.Value - y.Value);
        return difference <= relativeTolerance * Math.Max(System.Numerics.Complex.Abs(x.Value), System.Numerics.Complex.Abs(y.Value));
    }

    /// <summary>Exact equality for two exact values, else |x - y| within tolerance.</summary>
    public static bool Close(Scalar x, Scalar y)
    {
        if (x.Exact is { } ex && y.Exact is { } ey)
        {
            return ex == ey;
        }
        if (!x.IsFinite || !y.IsFinite)
        {
            return false;
        }
        var difference = System.Numerics.Complex.Abs(x.Value - y.Value);
        var scale = Math.Max(System.Numerics.Complex.Abs(x.Value), System.Numerics.Complex.Abs(y.Value));
        return difference <= RelativeTolerance * scale || difference <= AbsoluteTolerance;
    }

    private IEnumerable<(Scalar A, Scalar B)> Values(Expr a, Expr b)
    {
        var variables = VariableCollector.Collect(a, b);
        var points = variables.Count == 0 ? [NoVariables] : SamplePoints.For(variables);
        foreach (var point in points)
        {
            var evaluator = new Evaluator(_budget, point);
            yield return (evaluator.Evaluate(a), evaluator.Evaluate(b));
        }
    }

    /// <summary>+1 for \infty / +\infty, -1 for -\infty, 0 for anything else.</summary>
    public static int InfinitySign(Expr expr) => expr switch
    {
        ConstantExpr { Kind: ConstantKind.Infinity } => 1,
        NegateExpr negate => -InfinitySign(negate.Operand),
        SumExpr { Terms.Count: 1 } sum => sum.Terms[0].Negative ? -InfinitySign(sum.Terms[0].Value) : InfinitySign(sum.Terms[0].Value),
        _ => 0,
    };
}
