using G2rl.Grading.Syntax;

namespace G2rl.Grading.Comparison;

/// <summary>
/// Folds sums, differences, negations and products of literal matrices (and scalar multiples of them) into
/// one matrix of cell expressions, so "A + B" or "A B" written with pmatrix literals compares with its value.
/// Cells stay expressions; the scalar comparer evaluates them. At most <see cref="MaxCells"/> cells.
/// </summary>
internal static class MatrixArithmetic
{
    public const int MaxCells = 400;

    /// <summary>The matrix <paramref name="expr"/> stands for, or null when it is not matrix arithmetic.</summary>
    public static MatrixExpr? Fold(Expr expr) => expr switch
    {
        MatrixExpr matrix => matrix,
        NegateExpr negate when Fold(negate.Operand) is { } inner => Map(inner, cell => new NegateExpr(cell)),
        SumExpr sum => FoldSum(sum),
        ProductExpr product => FoldProduct(product),
        _ => null,
    };

    /// <summary>Whether the expression contains a matrix literal (so folding is worth trying).</summary>
    public static bool HasMatrix(Expr expr) => expr is MatrixExpr || (expr is SumExpr or ProductExpr or NegateExpr && expr.Children.Any(HasMatrix));

    private static MatrixExpr? FoldSum(SumExpr sum)
    {
        var matrices = new List<(MatrixExpr Matrix, bool Negative)>();
        foreach (var term in sum.Terms)
        {
            if (Fold(term.Value) is not { } matrix)
            {
                return null;
            }
            matrices.Add((matrix, term.Negative));
        }
        var (rows, columns) = Shape(matrices[0].Matrix);
        if (matrices.Any(m => Shape(m.Matrix) != (rows, columns)))
        {
            return null;
        }
        return Build(rows, columns, (i, j) => new SumExpr([.. matrices.Select(m => new SumTerm(m.Matrix.Rows[i][j], m.Negative))]));
    }

    private static MatrixExpr? FoldProduct(ProductExpr product)
    {
        MatrixExpr? result = null;
        var scalars = new List<ProductFactor>();
        foreach (var factor in product.Factors)
        {
            if (Fold(factor.Value) is { } matrix)
            {
                if (factor.Divide)
                {
                    return null;
                }
                result = result is null ? matrix : Multiply(result, matrix);
                if (result is null)
                {
                    return null;
                }
            }
            else
            {
                scalars.Add(factor);
            }
        }
        if (result is null)
        {
            return null;
        }
        return scalars.Count == 0 ? result : Map(result, cell => new ProductExpr([.. scalars, new ProductFactor(cell, false)]));
    }

    private static MatrixExpr? Multiply(MatrixExpr a, MatrixExpr b)
    {
        var (rows, inner) = Shape(a);
        var (innerB, columns) = Shape(b);
        if (inner != innerB)
        {
            return null;
        }
        return Build(rows, columns, (i, j) => new SumExpr([.. Enumerable.Range(0, inner).Select(k =>
            new SumTerm(new ProductExpr([new ProductFactor(a.Rows[i][k], false), new ProductFactor(b.Rows[k][j], false)]), false))]));
    }

    private static MatrixExpr Map(MatrixExpr matrix, Func<Expr, Expr> cell) =>
        new([.. matrix.Rows.Select(row => (IReadOnlyList<Expr>)[.. row.Select(cell)])]);

    private static MatrixExpr? Build(int rows, int columns, Func<int, int, Expr> cell)
    {
        if (rows * columns > MaxCells)
        {
            return null;
        }
        return new MatrixExpr([.. Enumerable.Range(0, rows).Select(i => (IReadOnlyList<Expr>)[.. Enumerable.Range(0, columns).Select(j => cell(i, j))])]);
    }

    private static (int Rows, int Columns) Shape(MatrixExpr matrix) =>
        matrix.Rows.Any(r => r.Count != matrix.Rows[0].Count) ? (-1, -1) : (matrix.Rows.Count, matrix.Rows[0].Count);
}
