namespace G2rl.Grading.Syntax;

/// <summary>A pmatrix / bmatrix / matrix environment, row by row.</summary>
internal sealed record MatrixExpr(IReadOnlyList<IReadOnlyList<Expr>> Rows) : Expr
{
    public override IEnumerable<Expr> Children => Rows.SelectMany(r => r);
}
