namespace G2rl.Grading.Syntax;

/// <summary>Operand followed by a percent sign.</summary>
internal sealed record PercentExpr(Expr Operand) : Expr
{
    public override IEnumerable<Expr> Children => [Operand];
}
