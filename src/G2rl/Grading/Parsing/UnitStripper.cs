using G2rl.Grading.Syntax;

namespace G2rl.Grading.Parsing;

/// <summary>Drops trailing unit words from a product: "5 \text{ cm}^2" → 5, "10 inches" → 10.</summary>
internal static class UnitStripper
{
    public static void StripTrailingUnits(List<ProductFactor> factors)
    {
        if (IsUnit(factors[0].Value))
        {
            return;
        }
        while (factors.Count > 1 && IsUnit(factors[^1].Value))
        {
            factors.RemoveAt(factors.Count - 1);
        }
    }

    private static bool IsUnit(Expr expr) => expr is TextExpr or PowerExpr { Base: TextExpr };
}
