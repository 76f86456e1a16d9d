using G2rl.Grading.Syntax;

namespace G2rl.Grading.Comparison;

/// <summary>
/// Structural equivalence of two parsed answers. Rules, tried in order (each symmetric): "x \in S" is S;
/// percentages; text; numbers in a base; relations; sets and bare lists; unions; intervals; matrices;
/// tuples; and finally scalars (<see cref="ScalarComparer"/>).
/// </summary>
internal sealed class AnswerComparer
{
    private readonly Budget _budget;
    private readonly ScalarComparer _scalars;
    private readonly RelationComparer _relations;
    private readonly CollectionComparer _collections;

    public AnswerComparer(Budget budget)
    {
        _budget = budget;
        _scalars = new ScalarComparer(budget);
        _relations = new RelationComparer(this, _scalars);
        _collections = new CollectionComparer(this);
    }

    public bool Equal(Expr a, Expr b)
    {
        _budget.Tick();
        a = UnwrapMembership(a);
        b = UnwrapMembership(b);
        if (a is PercentExpr || b is PercentExpr)
        {
            return PercentEqual(a, b);
        }
        if (a is TextExpr || b is TextExpr)
        {
            return TextForm.Of(a) is { } textA && TextForm.Of(b) is { } textB && textA == textB;
        }
        if (a is BasedNumberExpr || b is BasedNumberExpr)
        {
            return BasedNumbers.Equal(a, b);
        }
        if (a is RelationExpr relationA && b is RelationExpr relationB)
        {
            return _relations.Equal(relationA, relationB)
                || _relations.Equal(EqualityChains.Truncated(relationA), EqualityChains.Truncated(relationB));
        }
        if (a is RelationExpr || b is RelationExpr)
        {
            return a is RelationExpr r ? RelationVersusValue(r, b) : RelationVersusValue((RelationExpr)b, a);
        }
        if (a is SetExpr || b is SetExpr || a is UnionExpr || b is UnionExpr)
        {
            return _collections.CollectionEqual(a, b);
        }
        if (a is IntervalExpr || b is IntervalExpr)
        {
            return _collections.IntervalEqual(a, b);
        }
        if ((a is MatrixExpr || b is MatrixExpr) && MatrixArithmetic.HasMatrix(a) && MatrixArithmetic.HasMatrix(b)
            && MatrixArithmetic.Fold(a) is { } foldedA && MatrixArithmetic.Fold(b) is { } foldedB && (!ReferenceEquals(foldedA, a) || !ReferenceEquals(foldedB, b)))
        {
            return _collections.SequenceEqual(foldedA, foldedB);
        }
        if (a is MatrixExpr || b is MatrixExpr || a is TupleExpr || b is TupleExpr)
        {
            return _collections.SequenceEqual(a, b);
        }
        return _scalars.Equal(a, b);
    }

    /// <summary>"x \in [2, 5]" is compared as "[2, 5]".</summary>
    private static Expr UnwrapMembership(Expr expr) =>
        expr is RelationExpr { Operators: [RelationOperator.In], Operands: [VariableExpr or TupleExpr, var set] } ? set : expr;

    /// <summary>
    /// "x = 5" against "5", "(x, y) = (1, 2)" against "(1, 2)", worked chains such as "x = 2 + 3 = 5" or
    /// "\pi \approx 3.14" (see <see cref="EqualityChains"/>); "x > 3" against an interval; "1 \le |z| \le 2"
    /// against a union (see <see cref="AbsoluteValueRanges"/>).
    /// </summary>
    private bool RelationVersusValue(RelationExpr relation, Expr value)
    {
        var members = EqualityChains.Values(relation, Equal, _scalars);
        if (members.Count == 0)
        {
            members = EqualityChains.Values(EqualityChains.WithoutApproximateTail(relation), Equal, _scalars);
        }
        if (members.Count > 0)
        {
            return members.Any(member => Equal(member, value));
        }
        if (AbsoluteValueRanges.AsSet(relation) is { } range)
        {
            return value is IntervalExpr or UnionExpr or TupleExpr { Items.Count: 2 } && Equal(range, value);
        }
        return value is IntervalExpr or TupleExpr or UnionExpr
            && InequalityIntervals.TryConvert(relation, out var interval, out _)
            && Equal(interval, value);
    }

    /// <summary>Qwen2.5-Math rule: "p%" matches p and p/100; two percentages compare their numbers.</summary>
    private bool PercentEqual(Expr a, Expr b)
    {
        if (a is PercentExpr pa && b is PercentExpr pb)
        {
            return Equal(pa.Operand, pb.Operand);
        }
        var (percent, other) = a is PercentExpr p ? (p, b) : ((PercentExpr)b, a);
        var fraction = new ProductExpr([new(percent.Operand, false), new(new NumberExpr(Numerics.Rational.FromInteger(100), "100"), true)]);
        return Equal(percent.Operand, other) || Equal(fraction, other);
    }
}
