namespace G2rl.Grading.Syntax;

/// <summary>Unary minus.</summary>
internal sealed record NegateExpr(Expr Operand) : Expr
{
    public override IEnumerable<Expr> Children => [Operand];
}
