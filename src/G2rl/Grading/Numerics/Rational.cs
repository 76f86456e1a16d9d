using System.Numerics;

namespace G2rl.Grading.Numerics;

/// <summary>An exact fraction of two <see cref="BigInteger"/>s, always in lowest terms with a positive denominator.</summary>
internal readonly record struct Rational : IComparable<Rational>
{
    /// <summary>Largest numerator or denominator (in bits) kept exact; bigger results fall back to floating point.</summary>
    public const int MaxBits = 4_096;

    private Rational(BigInteger numerator, BigInteger denominator)
    {
        Numerator = numerator;
        Denominator = denominator;
    }

    public BigInteger Numerator { get; }

    public BigInteger Denominator { get; }

    public static Rational Zero => new(BigInteger.Zero, BigInteger.One);

    public static Rational One => new(BigInteger.One, BigInteger.One);

    public bool IsZero => Numerator.IsZero;

    public bool IsInteger => Denominator.IsOne;

    public int Sign => Numerator.Sign;

    /// <summary>True when numerator or denominator is too large to keep exact.</summary>
    public bool IsTooLarge => Numerator.GetBitLength() > MaxBits || Denominator.GetBitLength() > MaxBits;

    public static Rational FromInteger(BigInteger value) => new(value, BigInteger.One);

    /// <summary>Builds n/d in lowest terms; <paramref name="denominator"/> must not be zero.</summary>
    public static Rational Create(BigInteger numerator, BigInteger denominator)
    {
        if (denominator.IsZero)
        {
            throw new DivideByZeroException();
        }
        if (denominator.Sign < 0)
        {
            numerator = -numerator;
            denominator = -denominator;
        }
        var gcd = BigInteger.GreatestCommonDivisor(numerator, denominator);
        if (!gcd.IsOne && !gcd.IsZero)
        {
            numerator /= gcd;
            denominator /= gcd;
        }
        return new Rational(numerator, denominator);
    }

    /// <summary>Parses a plain decimal literal such as "027", "3.50" or ".5" (digits and at most one dot).</summary>
    public static bool TryParseDecimal(string literal, out Rational value)
    {
        value = Zero;
        var dot = literal.IndexOf('.');
        var digits = dot < 0 ? literal : literal.Remove(dot, 1);
        if (digits.Length == 0 || !digits.All(char.IsAsciiDigit))
        {
            return false;
        }
        var numerator = BigInteger.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
        var scale = dot < 0 ? 0 : literal.Length - dot - 1;
        value = Create(numerator, BigInteger.Pow(10, scale));
        return true;
    }

    public static Rational operator +(Rational a, Rational b) =>
        Create((a.Numerator * b.Denominator) + (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Rational operator -(Rational a, Rational b) =>
        Create((a.Numerator * b.Denominator) - (b.Numerator * a.Denominator), a.Denominator * b.Denominator);

    public static Rational operator -(Rational a) => new(-a.Numerator, a.Denominator);

    public static Rational operator *(Rational a, Rational b) =>
        Create(a.Numerator * b.Numerator, a.Denominator * b.Denominator);

    /// <summary>Divides; the divisor must not be zero.</summary>
    public static Rational operator /(Rational a, Rational b) =>
        Create(a.Numerator * b.Denominator, a.Denominator * b.Numerator);

    public static bool operator <(Rational a, Rational b) => a.CompareTo(b) < 0;

    public static bool operator >(Rational a, Rational b) => a.CompareTo(b) > 0;

    public static bool operator <=(Rational a, Rational b) => a.CompareTo(b) <= 0;

    public static bool operator >=(Rational a, Rational b) => a.CompareTo(b) >= 0;

    public int CompareTo(Rational other) =>
        (Numerator * other.Denominator).CompareTo(other.Numerator * Denominator);

    public Rational Abs() => new(BigInteger.Abs(Numerator), Denominator);

    /// <summary>Raises to an integer power; the caller bounds the size (see <see cref="EstimatePowerBits"/>).</summary>
    public Rational Pow(int exponent)
    {
        if (exponent >= 0)
        {
            return new Rational(BigInteger.Pow(Numerator, exponent), BigInteger.Pow(Denominator, exponent));
        }
        return Create(BigInteger.Pow(Denominator, -exponent), BigInteger.Pow(Numerator, -exponent));
    }

    /// <summary>Rough bit size of this value raised to <paramref name="exponent"/>.</summary>
    public double EstimatePowerBits(BigInteger exponent) =>
        Math.Max(Numerator.GetBitLength(), Denominator.GetBitLength()) * Math.Abs((double)exponent);

    /// <summary>Largest integer not above this value.</summary>
    public BigInteger Floor()
    {
        var quotient = BigInteger.DivRem(Numerator, Denominator, out var remainder);
        return remainder.Sign < 0 ? quotient - 1 : quotient;
    }

    public double ToDouble()
    {
        if (Numerator.GetBitLength() < 1000 && Denominator.GetBitLength() < 1000)
        {
            return (double)Numerator / (double)Denominator;
        }
        if (Numerator.IsZero)
        {
            return 0;
        }
        var log = BigInteger.Log(BigInteger.Abs(Numerator)) - BigInteger.Log(Denominator);
        return Numerator.Sign * Math.Exp(log);
    }

    public override string ToString() => IsInteger ? Numerator.ToString() : $"{Numerator}/{Denominator}";
}
