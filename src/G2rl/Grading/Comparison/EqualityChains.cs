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
        if (operands[0] is VariableExpr or TupleExpr)
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
