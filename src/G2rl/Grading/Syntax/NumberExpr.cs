using G2rl.Grading.Numerics;

namespace G2rl.Grading.Syntax;

/// <summary>A numeric literal; <see cref="Literal"/> keeps the digits as written (without separators).</summary>
internal sealed record NumberExpr(Rational Value, string Literal) : Expr
{
    public override IEnumerable<Expr> Children => [];
}
