namespace G2rl.Evaluation;

/// <summary>
/// Counts of values in <see cref="Counts"/>.Length equal-width bins over [<see cref="Min"/>, <see cref="Max"/>].
/// Bin b holds [Min + b·w, Min + (b+1)·w); the last bin also holds <see cref="Max"/>. Values outside the range are
/// counted in <see cref="Below"/> and <see cref="Above"/>, not in any bin.
/// </summary>
public sealed record EqualWidthHistogram(double Min, double Max, IReadOnlyList<long> Counts, long Below = 0, long Above = 0)
{
    /// <summary>Width of one bin.</summary>
    public double BinWidth => (Max - Min) / Counts.Count;

    /// <summary>Values counted in a bin (excludes <see cref="Below"/> and <see cref="Above"/>).</summary>
    public long Total => Counts.Sum();

    /// <summary>The <see cref="Counts"/>.Length + 1 bin edges, first <see cref="Min"/>, last <see cref="Max"/>.</summary>
    public double[] Edges() => [.. Enumerable.Range(0, Counts.Count).Select(b => Min + (b * BinWidth)), Max];

    /// <summary>The centre of bin <paramref name="bin"/>.</summary>
    public double Center(int bin) => Min + ((bin + 0.5) * BinWidth);

    /// <summary>Counts <paramref name="values"/> into <paramref name="bins"/> bins over [<paramref name="min"/>, <paramref name="max"/>].</summary>
    /// <exception cref="ArgumentException">A value is NaN, or min ≥ max, or a bound is not finite.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="bins"/> &lt; 1.</exception>
    public static EqualWidthHistogram Build(IEnumerable<double> values, double min, double max, int bins)
    {
        ArgumentNullException.ThrowIfNull(values);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        if (!double.IsFinite(min) || !double.IsFinite(max) || min >= max)
        {
            throw new ArgumentException($"histogram range [{min}, {max}] is not a finite interval with min < max");
        }

        var counts = new long[bins];
        long below = 0, above = 0;
        foreach (var v in values)
        {
            if (double.IsNaN(v))
            {
                throw new ArgumentException("cannot bin NaN", nameof(values));
            }
            if (v < min)
            {
                below++;
            }
            else if (v > max)
            {
                above++;
            }
            else
            {
                counts[BinOf(v, min, max, bins)]++;
            }
        }
        return new EqualWidthHistogram(min, max, counts, below, above);
    }

    private static int BinOf(double v, double min, double max, int bins)
    {
        var b = (int)Math.Floor((v - min) / (max - min) * bins);
        return Math.Clamp(b, 0, bins - 1);
    }
}
