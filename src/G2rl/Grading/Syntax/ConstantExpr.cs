namespace G2rl.Grading.Syntax;

/// <summary>\pi, e, i or \infty.</summary>
internal sealed record ConstantExpr(ConstantKind Kind) : Expr
{
    public override IEnumerable<Expr> Children => [];
}
