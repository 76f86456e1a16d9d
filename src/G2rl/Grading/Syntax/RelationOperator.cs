namespace G2rl.Grading.Syntax;

/// <summary>Comparison operators of a <see cref="RelationExpr"/>.</summary>
internal enum RelationOperator
{
    Equal,
    Approximately,
    NotEqual,
    Less,
    LessOrEqual,
    Greater,
    GreaterOrEqual,
    In,
}
