namespace G2rl.Grading.Syntax;

/// <summary>A free variable such as x, R, x_1 or \theta.</summary>
internal sealed record VariableExpr(string Name) : Expr
{
    public override IEnumerable<Expr> Children => [];
}
