namespace G2rl.Grading.Syntax;

/// <summary>One factor of a <see cref="ProductExpr"/>.</summary>
internal readonly record struct ProductFactor(Expr Value, bool Divide);
