using G2rl.Grading.Syntax;

namespace G2rl.Grading.Comparison;

/// <summary>
/// Expressions made of names only, as the left side of an assignment ("x = 5", "|AB| = 1", "f(x) = 1",
/// "\frac{NO}{BO} = \frac{1}{\sqrt{6}}", "S_1 : S = 7 : 32"): variables combined by products, quotients,
/// powers of names and |...|, with no number in them.
/// </summary>
internal static class SymbolicNames
{
    public static bool IsSymbolic(Expr expr) => expr switch
    {
        VariableExpr => true,
        ProductExpr product => product.Factors.All(f => IsSymbolic(f.Value)),
        FunctionExpr { Function: FunctionKind.Abs, Arguments: [var inner] } => IsSymbolic(inner),
        _ => false,
    };

    /// <summary>A key identifying the name (the variable's name, or the structure of a composite name).</summary>
    public static string Key(Expr expr) => expr is VariableExpr variable ? variable.Name : expr.ToString() ?? "";
}
