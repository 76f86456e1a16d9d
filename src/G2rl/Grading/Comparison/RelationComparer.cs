using G2rl.Grading.Syntax;

namespace G2rl.Grading.Comparison;

/// <summary>
/// Equations and inequalities: single-variable inequalities compare as intervals; otherwise both sides are
/// moved to one side and compared up to a non-zero (for inequalities: positive) factor.
/// </summary>
internal sealed class RelationComparer
{
    private readonly AnswerComparer _answers;
    private readonly ScalarComparer _scalars;

    public RelationComparer(AnswerComparer answers, ScalarComparer scalars)
    {
        _answers = answers;
        _scalars = scalars;
    }

    public bool Equal(RelationExpr a, RelationExpr b)
    {
        if (InequalityIntervals.TryConvert(a, out var intervalA, out var variableA)
            && InequalityIntervals.TryConvert(b, out var intervalB, out var variableB))
        {
            return variableA == variableB && _answers.Equal(intervalA, intervalB);
        }
        if (a.Operators.Count != 1 || b.Operators.Count != 1)
        {
            return SameChain(a, b);
        }
        var (opA, leftA, rightA) = Normalize(a);
        var (opB, leftB, rightB) = Normalize(b);
        if (opA != opB)
        {
            return false;
        }
        var ordered = opA is RelationOperator.Less or RelationOperator.LessOrEqual;
        var hasVariables = VariableCollector.Collect(leftA, rightA, leftB, rightB).Count > 0;
        if (opA == RelationOperator.In || !hasVariables)
        {
            var straight = _answers.Equal(leftA, leftB) && _answers.Equal(rightA, rightB);
            return straight || (!ordered && opA != RelationOperator.In && _answers.Equal(leftA, rightB) && _answers.Equal(rightA, leftB));
        }
        return _scalars.Proportional(Difference(leftA, rightA), Difference(leftB, rightB), positive: ordered);
    }

    /// <summary>Rewrites > and ≥ as &lt; and ≤ by swapping the sides.</summary>
    private static (RelationOperator Op, Expr Left, Expr Right) Normalize(RelationExpr relation)
    {
        var (left, right) = (relation.Operands[0], relation.Operands[1]);
        return relation.Operators[0] switch
        {
            RelationOperator.Greater => (RelationOperator.Less, right, left),
            RelationOperator.GreaterOrEqual => (RelationOperator.LessOrEqual, right, left),
            var op => (op, left, right),
        };
    }

    private bool SameChain(RelationExpr a, RelationExpr b)
    {
        if (a.Operators.Count != b.Operators.Count || !a.Operators.SequenceEqual(b.Operators))
        {
            return false;
        }
        for (var i = 0; i < a.Operands.Count; i++)
        {
            if (!_answers.Equal(a.Operands[i], b.Operands[i]))
            {
                return false;
            }
        }
        return true;
    }

    private static SumExpr Difference(Expr left, Expr right) => new([new SumTerm(left, false), new SumTerm(right, true)]);
}
