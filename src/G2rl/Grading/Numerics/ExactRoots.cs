using System.Numerics;

namespace G2rl.Grading.Numerics;

/// <summary>Exact n-th roots of rationals whose numerator and denominator are perfect powers.</summary>
internal static class ExactRoots
{
    /// <summary>The real n-th root when it is rational (odd roots of negatives included), else null.</summary>
    public static Rational? TryRoot(Rational value, int degree)
    {
        if (degree < 1)
        {
            return null;
        }
        if (degree == 1)
        {
            return value;
        }
        if (value.Sign < 0)
        {
            if (degree % 2 == 0)
            {
                return null;
            }
            return TryRoot(-value, degree) is { } positive ? -positive : null;
        }
        var numerator = IntegerRoot(value.Numerator, degree);
        var denominator = IntegerRoot(value.Denominator, degree);
        return numerator is { } n && denominator is { } d ? Rational.Create(n, d) : null;
    }

    /// <summary>The exact integer n-th root of a non-negative integer, or null when it is not a perfect power.</summary>
    private static BigInteger? IntegerRoot(BigInteger value, int degree)
    {
        if (value.IsZero || value.IsOne)
        {
            return value;
        }
        var bits = (long)value.GetBitLength();
        // Start above the root and run Newton's iteration downwards.
        var guess = BigInteger.One << (int)((bits / degree) + 1);
        while (true)
        {
            var next = (((degree - 1) * guess) + (value / BigInteger.Pow(guess, degree - 1))) / degree;
            if (next >= guess)
            {
                break;
            }
            guess = next;
        }
        return BigInteger.Pow(guess, degree) == value ? guess : null;
    }
}
