using System.Numerics;
using G2rl.Grading.Numerics;
using G2rl.Grading.Syntax;

namespace G2rl.Grading.Comparison;

/// <summary>
/// When a decimal literal may stand for a rational: "0.33333" for 1/3, "13.2871972318" for 3840/289.
/// Allowed only when the rational has no exact decimal form with that many digits (so 4.01 is never 4)
/// and the literal is the rational rounded or truncated to its digits, within the relative tolerance.
/// </summary>
internal static class DecimalRounding
{
    public static bool Matches(Expr a, Rational x, Expr b, Rational y) =>
        (Digits(a) is { } da && Digits(b) is null && Approximates(x, da, y))
        || (Digits(b) is { } db && Digits(a) is null && Approximates(y, db, x));

    /// <summary>Number of digits after the point of a (possibly negated) decimal literal; null otherwise.</summary>
    private static int? Digits(Expr expr) => expr switch
    {
        NumberExpr { Literal: var literal } when literal.Contains('.') => literal.Length - literal.IndexOf('.') - 1,
        NegateExpr { Operand: var inner } => Digits(inner),
        _ => null,
    };

    private static bool Approximates(Rational decimalValue, int digits, Rational exact)
    {
        var scale = Rational.FromInteger(BigInteger.Pow(10, digits));
        if ((exact * scale).IsInteger)
        {
            return false; // the exact value can be written with these digits, so the literal means something else
        }
        var difference = (decimalValue - exact).Abs();
        if (difference * scale >= Rational.One)
        {
            return false;
        }
        var magnitude = Math.Max(Math.Abs(decimalValue.ToDouble()), Math.Abs(exact.ToDouble()));
        return difference.ToDouble() <= ScalarComparer.RelativeTolerance * magnitude;
    }
}
