namespace G2rl.Grading.Syntax;

/// <summary>One term of a <see cref="SumExpr"/>.</summary>
internal readonly record struct SumTerm(Expr Value, bool Negative);
