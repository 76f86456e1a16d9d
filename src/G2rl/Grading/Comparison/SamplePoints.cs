using G2rl.Grading.Numerics;

namespace G2rl.Grading.Comparison;

/// <summary>
/// Fixed pseudo-random rational points at which expressions with free variables are compared. Values lie in
/// about (0.6, 6.5): positive, so roots and logarithms stay real; rational, so polynomials compare exactly.
/// </summary>
internal static class SamplePoints
{
    public const int Count = 5;

    private static readonly int[] Numerators = [13, 17, 19, 23, 29, 31, 37, 41, 43, 47, 53, 59, 61, 67, 71];
    private static readonly int[] Denominators = [11, 12, 13, 14, 16, 17, 19];

    /// <summary>The <see cref="Count"/> assignments of values to <paramref name="variables"/>.</summary>
    public static IEnumerable<Dictionary<string, Scalar>> For(IReadOnlyList<string> variables)
    {
        for (var point = 0; point < Count; point++)
        {
            var assignment = new Dictionary<string, Scalar>(StringComparer.Ordinal);
            for (var j = 0; j < variables.Count; j++)
            {
                assignment[variables[j]] = Scalar.FromExact(Value(j, point));
            }
            yield return assignment;
        }
    }

    private static Rational Value(int variable, int point)
    {
        var numerator = Numerators[((3 * variable) + (5 * point) + (variable * variable)) % Numerators.Length];
        var denominator = Denominators[(variable + (2 * point)) % Denominators.Length];
        return Rational.Create(numerator, denominator);
    }
}
