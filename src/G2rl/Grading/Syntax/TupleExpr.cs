namespace G2rl.Grading.Syntax;

/// <summary>An ordered tuple: (a, b, c). A 2-tuple also stands for an open interval.</summary>
internal sealed record TupleExpr(IReadOnlyList<Expr> Items) : Expr
{
    public override IEnumerable<Expr> Children => Items;
}
