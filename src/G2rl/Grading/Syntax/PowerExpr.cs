namespace G2rl.Grading.Syntax;

/// <summary>Base^Exponent.</summary>
internal sealed record PowerExpr(Expr Base, Expr Exponent) : Expr
{
    public override IEnumerable<Expr> Children => [Base, Exponent];
}
