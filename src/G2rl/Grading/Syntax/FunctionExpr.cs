namespace G2rl.Grading.Syntax;

/// <summary>
/// A function application. Argument order: Root (radicand, degree), Log (value[, base]), Binomial (n, k);
/// the others take one argument.
/// </summary>
internal sealed record FunctionExpr(FunctionKind Function, IReadOnlyList<Expr> Arguments) : Expr
{
    public override IEnumerable<Expr> Children => Arguments;
}
