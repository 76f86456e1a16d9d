namespace G2rl.Tasks;

/// <summary>The shape of a canonical <see cref="CountdownExpr"/>.</summary>
internal enum CountdownExprKind
{
    /// <summary>A given number.</summary>
    Number,

    /// <summary>Terms added and subtracted.</summary>
    Sum,

    /// <summary>Factors multiplied and divided.</summary>
    Product,
}
