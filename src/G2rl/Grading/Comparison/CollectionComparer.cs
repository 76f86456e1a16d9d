using G2rl.Grading.Syntax;

namespace G2rl.Grading.Comparison;

/// <summary>Sets (unordered), unions, intervals (open/closed ends), tuples and matrices (ordered, elementwise).</summary>
internal sealed class CollectionComparer
{
    private readonly AnswerComparer _answers;

    public CollectionComparer(AnswerComparer answers)
    {
        _answers = answers;
    }

    /// <summary>Sets and unions: every element of each side equals some element of the other (a lone value is a one-element set).</summary>
    public bool CollectionEqual(Expr a, Expr b)
    {
        if (AssignmentGroups.AsTuples(a, AssignmentGroups.TupleWidth(b)) is { } tuplesA)
        {
            return Unordered(tuplesA.Items, ((SetExpr)b).Items);
        }
        if (AssignmentGroups.AsTuples(b, AssignmentGroups.TupleWidth(a)) is { } tuplesB)
        {
            return Unordered(((SetExpr)a).Items, tuplesB.Items);
        }
        if ((a is SetExpr { Bare: true } && b is TupleExpr) || (b is SetExpr { Bare: true } && a is TupleExpr))
        {
            return SequenceEqual(a, b); // "1, 2" written without brackets against "(1, 2)": same order required
        }
        if (a is UnionExpr || b is UnionExpr)
        {
            return Unordered(Parts(a), Parts(b));
        }
        return Unordered(Items(a), Items(b));
    }

    public bool IntervalEqual(Expr a, Expr b) =>
        AsInterval(a) is { } x && AsInterval(b) is { } y
        && x.LowClosed == y.LowClosed && x.HighClosed == y.HighClosed
        && _answers.Equal(x.Low, y.Low) && _answers.Equal(x.High, y.High);

    /// <summary>Tuples, bare lists and vectors in order; matrices cell by cell.</summary>
    public bool SequenceEqual(Expr a, Expr b)
    {
        if (a is MatrixExpr ma && b is MatrixExpr mb)
        {
            return ma.Rows.Count == mb.Rows.Count && ma.Rows[0].Count == mb.Rows[0].Count
                && Ordered(ma.Rows.SelectMany(r => r).ToList(), mb.Rows.SelectMany(r => r).ToList());
        }
        return Sequence(a) is { } x && Sequence(b) is { } y && Ordered(x, y);
    }

    private static IReadOnlyList<Expr>? Sequence(Expr expr) => expr switch
    {
        TupleExpr tuple => tuple.Items,
        SetExpr { Bare: true } list => list.Items,
        MatrixExpr matrix when matrix.Rows.Count == 1 => matrix.Rows[0],
        MatrixExpr matrix when matrix.Rows[0].Count == 1 => matrix.Rows.Select(r => r[0]).ToList(),
        _ => null,
    };

    private bool Ordered(IReadOnlyList<Expr> a, IReadOnlyList<Expr> b)
    {
        if (a.Count != b.Count)
        {
            return false;
        }
        for (var i = 0; i < a.Count; i++)
        {
            if (!_answers.Equal(a[i], b[i]))
            {
                return false;
            }
        }
        return true;
    }

    private bool Unordered(IReadOnlyList<Expr> a, IReadOnlyList<Expr> b) =>
        a.Count > 0 == b.Count > 0
        && a.All(x => b.Any(y => _answers.Equal(x, y)))
        && b.All(y => a.Any(x => _answers.Equal(x, y)));

    private static IReadOnlyList<Expr> Items(Expr expr) => expr is SetExpr set ? set.Items : [expr];

    /// <summary>Parts of a union; a bare list ("x \le -1 or x \ge 1") counts as a union of its items.</summary>
    private static IReadOnlyList<Expr> Parts(Expr expr) => expr switch
    {
        UnionExpr union => union.Parts,
        SetExpr { Bare: true } list => list.Items,
        _ => [expr],
    };

    private static IntervalExpr? AsInterval(Expr expr) => expr switch
    {
        IntervalExpr interval => interval,
        TupleExpr { Items.Count: 2 } tuple => new IntervalExpr(tuple.Items[0], tuple.Items[1], false, false),
        RelationExpr relation when InequalityIntervals.TryConvert(relation, out var interval, out _) => interval,
        _ => null,
    };
}
