using G2rl.Grading.Syntax;

namespace G2rl.Grading.Comparison;

/// <summary>
/// Numerals with a base: 204_5 equals 204_5 (or 0204_{5}) and the bare digits "204" (the subscript is often
/// dropped), but not the decimal value 54: the question asked for base-5 digits.
/// </summary>
internal static class BasedNumbers
{
    public static bool Equal(Expr a, Expr b) => (a, b) switch
    {
        (BasedNumberExpr x, BasedNumberExpr y) => x.Base == y.Base && SameDigits(x.Digits, y.Digits),
        (BasedNumberExpr x, NumberExpr y) => IsDigits(y.Literal) && SameDigits(x.Digits, y.Literal),
        (NumberExpr x, BasedNumberExpr y) => IsDigits(x.Literal) && SameDigits(x.Literal, y.Digits),
        _ => false,
    };

    private static bool IsDigits(string literal) => literal.Length > 0 && literal.All(char.IsAsciiDigit);

    private static bool SameDigits(string x, string y) =>
        string.Equals(x.TrimStart('0'), y.TrimStart('0'), StringComparison.OrdinalIgnoreCase);
}
