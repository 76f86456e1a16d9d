namespace G2rl.Tasks;

/// <summary>One operand of an <see cref="ArithmeticExpr"/> group; <paramref name="Minus"/> marks a subtracted sum term.</summary>
internal readonly record struct ArithmeticTerm(bool Minus, ArithmeticExpr Expr);
