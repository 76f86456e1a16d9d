namespace G2rl.Grading.Syntax;

/// <summary>An n-ary sum; each term may be subtracted (kept flat so long sums do not nest deeply).</summary>
internal sealed record SumExpr(IReadOnlyList<SumTerm> Terms) : Expr
{
    public override IEnumerable<Expr> Children => Terms.Select(t => t.Value);
}
