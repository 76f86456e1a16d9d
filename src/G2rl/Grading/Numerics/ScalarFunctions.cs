using System.Numerics;
using G2rl.Grading.Syntax;

namespace G2rl.Grading.Numerics;

/// <summary>Elementary functions on <see cref="Scalar"/>s: exact where the result is rational and cheap, complex otherwise.</summary>
internal static class ScalarFunctions
{
    /// <summary>Largest n for which n! and binomials are computed exactly.</summary>
    private const int MaxExactFactorial = 1000;

    public static Scalar Apply(FunctionKind function, IReadOnlyList<Scalar> args, Budget budget)
    {
        if (args.Any(a => a.IsNaN))
        {
            return Scalar.NaN;
        }
        var x = args[0];
        return function switch
        {
            FunctionKind.Sqrt => Root(x, 2),
            FunctionKind.Root => args[1].Exact is { IsInteger: true } n && n.Numerator > 0 && n.Numerator <= 64
                ? Root(x, (int)n.Numerator)
                : ScalarArithmetic.Power(x, ScalarArithmetic.Divide(Scalar.FromInteger(1), args[1])),
            FunctionKind.Sin => Approx(Complex.Sin(x.Value)),
            FunctionKind.Cos => Approx(Complex.Cos(x.Value)),
            FunctionKind.Tan => Approx(Complex.Tan(x.Value)),
            FunctionKind.Cot => Approx(Complex.Cos(x.Value) / Complex.Sin(x.Value)),
            FunctionKind.Sec => Approx(1 / Complex.Cos(x.Value)),
            FunctionKind.Csc => Approx(1 / Complex.Sin(x.Value)),
            FunctionKind.Arcsin => Approx(Complex.Asin(x.Value)),
            FunctionKind.Arccos => Approx(Complex.Acos(x.Value)),
            FunctionKind.Arctan => Approx(Complex.Atan(x.Value)),
            FunctionKind.Sinh => Approx(Complex.Sinh(x.Value)),
            FunctionKind.Cosh => Approx(Complex.Cosh(x.Value)),
            FunctionKind.Tanh => Approx(Complex.Tanh(x.Value)),
            FunctionKind.Exp => x.IsZero(0) ? Scalar.FromExact(Rational.One) : Approx(Complex.Exp(x.Value)),
            FunctionKind.Ln => Logarithm(x),
            FunctionKind.Log => args.Count > 1 ? ScalarArithmetic.Divide(Logarithm(x), Logarithm(args[1])) : Logarithm(x),
            FunctionKind.Abs => x.Exact is { } e ? Scalar.FromExact(e.Abs()) : Scalar.FromReal(Complex.Abs(x.Value)),
            FunctionKind.Floor => RoundDown(x, ceiling: false),
            FunctionKind.Ceiling => RoundDown(x, ceiling: true),
            FunctionKind.Factorial => Factorial(x, budget),
            FunctionKind.Binomial => Binomial(x, args[1], budget),
            _ => Scalar.NaN,
        };
    }

    private static Scalar Approx(Complex value) => Scalar.FromApprox(value);

    private static Scalar Logarithm(Scalar x) => x.Exact is { IsZero: false } e && e == Rational.One
        ? Scalar.FromExact(Rational.Zero)
        : x.IsZero(0) ? Scalar.NaN : Approx(Complex.Log(x.Value));

    /// <summary>n-th root: exact for perfect powers, the real root for odd roots of negatives, else principal.</summary>
    private static Scalar Root(Scalar x, int degree)
    {
        if (x.Exact is { } exact)
        {
            if (ExactRoots.TryRoot(exact, degree) is { } root)
            {
                return Scalar.FromExact(root);
            }
            if (exact.Sign < 0 && degree % 2 == 1)
            {
                return Scalar.FromReal(-Math.Pow(-exact.ToDouble(), 1.0 / degree));
            }
        }
        if (x.IsReal && x.Value.Real >= 0)
        {
            return Scalar.FromReal(Math.Pow(x.Value.Real, 1.0 / degree));
        }
        return degree == 2 ? Approx(Complex.Sqrt(x.Value)) : Approx(Complex.Pow(x.Value, 1.0 / degree));
    }

    private static Scalar RoundDown(Scalar x, bool ceiling)
    {
        if (x.Exact is { } exact)
        {
            var floor = exact.Floor();
            return Scalar.FromInteger(ceiling && !exact.IsInteger ? floor + 1 : floor);
        }
        return x.IsReal ? Scalar.FromReal(ceiling ? Math.Ceiling(x.Value.Real) : Math.Floor(x.Value.Real)) : Scalar.NaN;
    }

    private static Scalar Factorial(Scalar x, Budget budget)
    {
        if (x.Exact is not { IsInteger: true } n || n.Sign < 0)
        {
            return Scalar.NaN;
        }
        if (n.Numerator > MaxExactFactorial)
        {
            return Scalar.FromReal(double.PositiveInfinity);
        }
        BigInteger result = 1;
        for (var i = 2; i <= (int)n.Numerator; i++)
        {
            budget.Tick();
            result *= i;
        }
        return Scalar.FromInteger(result);
    }

    private static Scalar Binomial(Scalar n, Scalar k, Budget budget)
    {
        if (n.Exact is not { IsInteger: true } top || k.Exact is not { IsInteger: true } bottom)
        {
            return Scalar.NaN;
        }
        if (bottom.Sign < 0 || (top.Sign >= 0 && bottom.Numerator > top.Numerator))
        {
            return Scalar.FromExact(Rational.Zero);
        }
        if (bottom.Numerator > MaxExactFactorial)
        {
            return Scalar.NaN;
        }
        var result = Rational.One;
        for (var i = 0; i < (int)bottom.Numerator; i++)
        {
            budget.Tick();
            result = result * (top - Rational.FromInteger(i)) / Rational.FromInteger(i + 1);
        }
        return Scalar.FromExact(result);
    }
}
