using G2rl.Grading.Syntax;

namespace G2rl.Grading.Comparison;

/// <summary>
/// Reads an answer written as a chain of equalities as the value it names: "x = 5" is 5, "x = 2 + 3 = 5" is 5,
/// "\frac{1}{2} = 0.5" is 1/2, "\pi \approx 3.14" is \pi or 3.14. Every link must hold: "=" as equivalence,
/// "\approx" within <see cref="ApproximateTolerance"/>; so "2 = 3" and "5 \approx 6" name nothing.
/// </summary>
internal static class EqualityChains
{
    /// <summary>Relative difference allowed across "\approx" (3.14 for \pi is 5e-4, 0.33 for 1/3 is 1e-2).</summary>
    public const double ApproximateTolerance = 0.02;

    /// <summary>
    /// Math-Verify's reading of an assignment chain compared with another assignment: "x = 5+5+1 = 7 = 11"
    /// is "x = 11" (first name, last value), after dropping an "\approx ..." tail that follows an "=".
    /// Other relations are returned unchanged.
    /// </summary>
    public static RelationExpr Truncated(RelationExpr relation)
    {
        var relationTail = WithoutApproximateTail(relation);
        var ops = relationTail.Operators;
        if (ops.Count < 2 || ops.Any(op => op != RelationOperator.Equal) || !SymbolicNames.IsSymbolic(relationTail.Operands[0]))
        {
            return relationTail;
        }
        return new RelationExpr([relationTail.Operands[0], relationTail.Operands[^1]], [RelationOperator.Equal]);
    }

    /// <summary>"x = 1/3 \approx 0.33" as "x = 1/3"; unchanged when no "=" comes before the first "\approx".</summary>
    public static RelationExpr WithoutApproximateTail(RelationExpr relation)
    {
        var ops = relation.Operators;
        var firstApprox = Enumerable.Range(0, ops.Count).FirstOrDefault(i => ops[i] == RelationOperator.Approximately, -1);
        if (firstApprox <= 0 || ops.Take(firstApprox).Any(op => op != RelationOperator.Equal))
        {
            return relation;
        }
        return new RelationExpr([.. relation.Operands.Take(firstApprox + 1)], [.. ops.Take(firstApprox)]);
    }

    /// <summary>The values the chain stands for (the last exact member and the last member), or none.</summary>
    public static IReadOnlyList<Expr> Values(RelationExpr relation, Func<Expr, Expr, bool> equal, ScalarComparer scalars)
    {
        var ops = relation.Operators;
        if (ops.Any(op => op is not (RelationOperator.Equal or RelationOperator.Approximately)))
        {
            return [];
        }
        var firstApprox = Enumerable.Range(0, ops.Count).FirstOrDefault(i => ops[i] == RelationOperator.Approximately, ops.Count);
        var operands = relation.Operands;
        var start = 0;
        if (operands[0] is TupleExpr || SymbolicNames.IsSymbolic(operands[0]))
        {
            start = 1; // the name being defined: "x = ..."
        }
        else if (VariableCollector.Collect([.. operands]).Count > 0)
        {
            return []; // an equation such as "2x = 10", not a value
        }
        var exact = operands.Skip(start).Take(Math.Max(firstApprox, start) - start + 1).ToList();
        if (exact.Count == 0)
        {
            return [];
        }
        for (var i = start; i < ops.Count; i++)
        {
            var holds = ops[i] == RelationOperator.Equal
                ? equal(operands[i], operands[i + 1])
                : scalars.Near(operands[i], operands[i + 1], ApproximateTolerance);
            if (!holds)
            {
                return [];
            }
        }
        return ReferenceEquals(exact[^1], operands[^1]) ? [exact[^1]] : [exact[^1], operands[^1]];
    }
}
