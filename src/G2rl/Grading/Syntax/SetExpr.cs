namespace G2rl.Grading.Syntax;

/// <summary>
/// An unordered collection: \{a, b\}, a bare comma list (<see cref="Bare"/>) or the expansions of \pm.
/// </summary>
internal sealed record SetExpr(IReadOnlyList<Expr> Items, bool Bare) : Expr
{
    public override IEnumerable<Expr> Children => Items;
}
