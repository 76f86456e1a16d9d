namespace G2rl.Grading.Syntax;

/// <summary>An interval with at least one closed end, e.g. [2, 5) (an all-open one parses as a 2-tuple).</summary>
internal sealed record IntervalExpr(Expr Low, Expr High, bool LowClosed, bool HighClosed) : Expr
{
    public override IEnumerable<Expr> Children => [Low, High];
}
