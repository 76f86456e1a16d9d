namespace G2rl.Grading.Syntax;

/// <summary>Comparison operators of a <see cref="RelationExpr"/>.</summary>
internal enum RelationOperator
{
    Equal,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    In,
}
