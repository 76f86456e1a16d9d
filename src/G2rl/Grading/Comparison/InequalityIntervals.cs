using G2rl.Grading.Syntax;

namespace G2rl.Grading.Comparison;

/// <summary>Reads "x > 3", "3 &lt; x", "2 &lt; x \le 5" as the interval of x they describe.</summary>
internal static class InequalityIntervals
{
    private static readonly Expr PlusInfinity = new ConstantExpr(ConstantKind.Infinity);
    private static readonly Expr MinusInfinity = new NegateExpr(PlusInfinity);

    public static bool TryConvert(RelationExpr relation, out IntervalExpr interval, out string variable)
    {
        interval = null!;
        variable = "";
        var ops = relation.Operators;
        if (ops.Any(op => op is RelationOperator.Equal or RelationOperator.Approximately or RelationOperator.NotEqual or RelationOperator.In))
        {
            return false;
        }
        var operands = relation.Operands;
        var ascending = ops[0] is RelationOperator.Less or RelationOperator.LessOrEqual;
        if (ops.Any(op => (op is RelationOperator.Less or RelationOperator.LessOrEqual) != ascending))
        {
            return false;
        }
        if (operands.Count == 2)
        {
            var closed = ops[0] is RelationOperator.LessOrEqual or RelationOperator.GreaterOrEqual;
            if (IsBound(operands[1]) && SymbolicNames.IsSymbolic(operands[0]))
            {
                variable = SymbolicNames.Key(operands[0]); // x < c  or  x > c
                interval = ascending
                    ? new IntervalExpr(MinusInfinity, operands[1], false, closed)
                    : new IntervalExpr(operands[1], PlusInfinity, closed, false);
                return true;
            }
            if (IsBound(operands[0]) && SymbolicNames.IsSymbolic(operands[1]))
            {
                variable = SymbolicNames.Key(operands[1]); // c < x  or  c > x
                interval = ascending
                    ? new IntervalExpr(operands[0], PlusInfinity, closed, false)
                    : new IntervalExpr(MinusInfinity, operands[0], false, closed);
                return true;
            }
            return false;
        }
        if (operands.Count == 3 && SymbolicNames.IsSymbolic(operands[1]) && IsBound(operands[0]) && IsBound(operands[2]))
        {
            variable = SymbolicNames.Key(operands[1]);
            var firstClosed = ops[0] is RelationOperator.LessOrEqual or RelationOperator.GreaterOrEqual;
            var secondClosed = ops[1] is RelationOperator.LessOrEqual or RelationOperator.GreaterOrEqual;
            interval = ascending
                ? new IntervalExpr(operands[0], operands[2], firstClosed, secondClosed)
                : new IntervalExpr(operands[2], operands[0], secondClosed, firstClosed);
            return true;
        }
        return false;
    }

    private static bool IsBound(Expr expr) => VariableCollector.Collect(expr).Count == 0;
}
