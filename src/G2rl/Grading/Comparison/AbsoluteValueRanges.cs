using G2rl.Grading.Syntax;

namespace G2rl.Grading.Comparison;

/// <summary>
/// An inequality on |v| as the set of v it allows: "1 \le |z| \le 2" is [-2, -1] ∪ [1, 2], "|z| &lt; 3" is (-3, 3),
/// "|z| \ge 1" is (-∞, -1] ∪ [1, ∞). The lower bound is assumed non-negative (a negative one would make the
/// statement trivial and is not simplified).
/// </summary>
internal static class AbsoluteValueRanges
{
    public static Expr? AsSet(RelationExpr relation)
    {
        if (!relation.Operands.Any(o => o is FunctionExpr { Function: FunctionKind.Abs, Arguments: [VariableExpr] })
            || !InequalityIntervals.TryConvert(relation, out var range, out _))
        {
            return null;
        }
        if (ScalarComparer.InfinitySign(range.Low) < 0)
        {
            return new IntervalExpr(new NegateExpr(range.High), range.High, range.HighClosed, range.HighClosed);
        }
        var negative = new IntervalExpr(new NegateExpr(range.High), new NegateExpr(range.Low), range.HighClosed, range.LowClosed);
        return new UnionExpr([negative, range]);
    }
}
