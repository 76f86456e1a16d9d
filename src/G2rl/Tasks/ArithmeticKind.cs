namespace G2rl.Tasks;

/// <summary>The shape of an <see cref="ArithmeticExpr"/> node.</summary>
internal enum ArithmeticKind
{
    /// <summary>A non-negative integer.</summary>
    Number,

    /// <summary>Signed terms added left to right; the first term is never subtracted.</summary>
    Sum,

    /// <summary>Factors multiplied.</summary>
    Product,
}
