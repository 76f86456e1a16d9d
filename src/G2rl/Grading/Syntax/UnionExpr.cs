namespace G2rl.Grading.Syntax;

/// <summary>A union of intervals or sets (A \cup B); compared as an unordered collection of parts.</summary>
internal sealed record UnionExpr(IReadOnlyList<Expr> Parts) : Expr
{
    public override IEnumerable<Expr> Children => Parts;
}
