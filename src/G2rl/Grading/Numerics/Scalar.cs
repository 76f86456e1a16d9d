using System.Numerics;

namespace G2rl.Grading.Numerics;

/// <summary>
/// A number produced by the evaluator: exact (a <see cref="Rational"/>) while only rational arithmetic was used,
/// otherwise a complex floating-point approximation. NaN marks "not a number" (text, division by zero, ...).
/// </summary>
internal readonly struct Scalar
{
    private Scalar(Rational? exact, Complex value)
    {
        Exact = exact;
        Value = value;
    }

    /// <summary>The exact value, or null when only an approximation is known.</summary>
    public Rational? Exact { get; }

    /// <summary>The (possibly approximate) complex value; always set.</summary>
    public Complex Value { get; }

    public static Scalar NaN => new(null, new Complex(double.NaN, double.NaN));

    public bool IsExact => Exact.HasValue;

    public bool IsNaN => double.IsNaN(Value.Real) || double.IsNaN(Value.Imaginary);

    public bool IsFinite => double.IsFinite(Value.Real) && double.IsFinite(Value.Imaginary);

    /// <summary>True for a real value (exact, or with a negligible imaginary part).</summary>
    public bool IsReal => IsExact || Math.Abs(Value.Imaginary) <= 1e-12 * Math.Max(1, Math.Abs(Value.Real));

    public static Scalar FromExact(Rational value) =>
        value.IsTooLarge ? FromApprox(new Complex(value.ToDouble(), 0)) : new Scalar(value, new Complex(value.ToDouble(), 0));

    public static Scalar FromInteger(BigInteger value) => FromExact(Rational.FromInteger(value));

    public static Scalar FromApprox(Complex value) => new(null, value);

    public static Scalar FromReal(double value) => new(null, new Complex(value, 0));

    /// <summary>True when the value is exactly (or approximately) zero.</summary>
    public bool IsZero(double tolerance = 1e-12) =>
        Exact is { } exact ? exact.IsZero : Complex.Abs(Value) <= tolerance;

    public override string ToString() => Exact is { } exact ? exact.ToString() : Value.ToString();
}
