namespace G2rl.Grading.Syntax;

/// <summary>An n-ary product; each factor either multiplies or divides (flat, like <see cref="SumExpr"/>).</summary>
internal sealed record ProductExpr(IReadOnlyList<ProductFactor> Factors) : Expr
{
    public override IEnumerable<Expr> Children => Factors.Select(f => f.Value);
}
