namespace G2rl.Grading.Syntax;

/// <summary>An interval with open or closed ends, e.g. [2, 5). Written all-open, "(2, 5)" parses as a 2-tuple instead.</summary>
internal sealed record IntervalExpr(Expr Low, Expr High, bool LowClosed, bool HighClosed) : Expr
{
    public override IEnumerable<Expr> Children => [Low, High];
}
