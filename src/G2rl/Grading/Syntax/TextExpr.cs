namespace G2rl.Grading.Syntax;

/// <summary>Words: \text{Evelyn}, a unit, "east". Compared as case-insensitive text.</summary>
internal sealed record TextExpr(string Content) : Expr
{
    public override IEnumerable<Expr> Children => [];
}
