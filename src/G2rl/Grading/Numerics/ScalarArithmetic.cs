using System.Numerics;

namespace G2rl.Grading.Numerics;

/// <summary>The four operations and powers on <see cref="Scalar"/>s, exact whenever both operands are exact.</summary>
internal static class ScalarArithmetic
{
    public static Scalar Add(Scalar a, Scalar b) =>
        a.Exact is { } x && b.Exact is { } y ? Scalar.FromExact(x + y) : Scalar.FromApprox(a.Value + b.Value);

    public static Scalar Subtract(Scalar a, Scalar b) =>
        a.Exact is { } x && b.Exact is { } y ? Scalar.FromExact(x - y) : Scalar.FromApprox(a.Value - b.Value);

    public static Scalar Negate(Scalar a) => a.Exact is { } x ? Scalar.FromExact(-x) : Scalar.FromApprox(-a.Value);

    public static Scalar Multiply(Scalar a, Scalar b)
    {
        if (a.Exact is { } x && b.Exact is { } y)
        {
            return Scalar.FromExact(x * y);
        }
        // An exact zero times anything finite is zero; keeps 0*pi exact-looking and avoids NaN from 0*inf.
        if ((a.Exact is { IsZero: true } && b.IsFinite) || (b.Exact is { IsZero: true } && a.IsFinite))
        {
            return Scalar.FromExact(Rational.Zero);
        }
        return Scalar.FromApprox(a.Value * b.Value);
    }

    public static Scalar Divide(Scalar a, Scalar b)
    {
        if (b.IsZero(0))
        {
            return Scalar.NaN;
        }
        if (a.Exact is { } x && b.Exact is { } y)
        {
            return Scalar.FromExact(x / y);
        }
        return Scalar.FromApprox(a.Value / b.Value);
    }

    /// <summary>a^b: exact for an exact base and a (small) integer or rational exponent with an exact root.</summary>
    public static Scalar Power(Scalar a, Scalar b)
    {
        if (a.IsNaN || b.IsNaN)
        {
            return Scalar.NaN;
        }
        if (a.Exact is { } x && b.Exact is { } y)
        {
            if (TryExactPower(x, y, out var exact))
            {
                return exact;
            }
            if (x.Sign < 0 && !y.IsInteger && !y.Denominator.IsEven)
            {
                // Odd root of a negative real: take the real root, as a student would ((-8)^(1/3) = -2).
                var magnitude = Math.Pow(-x.ToDouble(), y.ToDouble());
                return Scalar.FromReal(y.Numerator.IsEven ? magnitude : -magnitude);
            }
        }
        if (a.IsZero(0))
        {
            return b.Exact is { Sign: > 0 } || b.Value.Real > 0 ? Scalar.FromExact(Rational.Zero) : Scalar.NaN;
        }
        if (a.IsReal && b.IsReal && a.Value.Real > 0)
        {
            return Scalar.FromReal(Math.Pow(a.Value.Real, b.Value.Real));
        }
        return Scalar.FromApprox(Complex.Pow(a.Value, b.Value));
    }

    private static bool TryExactPower(Rational x, Rational y, out Scalar result)
    {
        result = Scalar.NaN;
        if (y.Denominator > 64 || x.EstimatePowerBits(y.Numerator) > Rational.MaxBits)
        {
            return false;
        }
        if (x.IsZero)
        {
            result = y.Sign > 0 ? Scalar.FromExact(Rational.Zero) : y.IsZero ? Scalar.FromExact(Rational.One) : Scalar.NaN;
            return true;
        }
        var root = y.IsInteger ? x : ExactRoots.TryRoot(x, (int)y.Denominator);
        if (root is not { } r)
        {
            return false;
        }
        result = Scalar.FromExact(r.Pow((int)y.Numerator));
        return true;
    }
}
