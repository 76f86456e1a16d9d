namespace G2rl.Evaluation;

/// <summary>Percentile-bootstrap confidence intervals (resampling problems with replacement).</summary>
public static class BootstrapInterval
{
    /// <summary>
    /// Interval for the mean of <paramref name="values"/> (e.g. per-problem accuracies): draws
    /// <paramref name="resamples"/> resamples of size n with replacement using <c>new Random(seed)</c>, and
    /// returns the (1−level)/2 and (1+level)/2 quantiles of the resample means (linear interpolation between
    /// order statistics). Same inputs and seed → same interval.
    /// </summary>
    /// <exception cref="ArgumentException">values is empty, resamples &lt; 1, or level outside (0, 1).</exception>
    public static ConfidenceInterval OfMean(IReadOnlyList<double> values, int seed, int resamples = 1000, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("cannot bootstrap an empty sample", nameof(values));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "level must be in (0, 1)");
        }

        var n = values.Count;
        var rng = new Random(seed);
        var means = new double[resamples];
        for (var b = 0; b < resamples; b++)
        {
            var sum = 0.0;
            for (var i = 0; i < n; i++)
            {
                sum += values[rng.Next(n)];
            }

            means[b] = sum / n;
        }

        Array.Sort(means);
        var alpha = (1 - level) / 2;
        return new ConfidenceInterval(values.Average(), Quantile(means, alpha), Quantile(means, 1 - alpha), level, resamples);
    }

    /// <summary>Quantile q of sorted values, linearly interpolated at position q·(count−1).</summary>
    public static double Quantile(IReadOnlyList<double> sorted, double q)
    {
        ArgumentNullException.ThrowIfNull(sorted);
        if (sorted.Count == 0)
        {
            throw new ArgumentException("no values", nameof(sorted));
        }

        var position = Math.Clamp(q, 0, 1) * (sorted.Count - 1);
        var lo = (int)Math.Floor(position);
        var hi = Math.Min(lo + 1, sorted.Count - 1);
        return sorted[lo] + ((position - lo) * (sorted[hi] - sorted[lo]));
    }
}
