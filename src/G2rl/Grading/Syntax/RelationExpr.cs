namespace G2rl.Grading.Syntax;

/// <summary>A chain a op b op c ...: equations, inequalities and "x \in S". Operands.Count == Operators.Count + 1.</summary>
internal sealed record RelationExpr(IReadOnlyList<Expr> Operands, IReadOnlyList<RelationOperator> Operators) : Expr
{
    public override IEnumerable<Expr> Children => Operands;
}
