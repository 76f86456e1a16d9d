using G2rl.Evaluation;

namespace G2rl.Tests.Evaluation;

public sealed class BootstrapIntervalTests
{
    [Fact]
    public void Interval_contains_the_mean_and_is_deterministic_for_a_seed()
    {
        var rng = new Random(7);
        var values = Enumerable.Range(0, 200).Select(_ => rng.NextDouble() < 0.3 ? 1.0 : 0.0).ToArray();
        var a = BootstrapInterval.OfMean(values, seed: 11);
        var b = BootstrapInterval.OfMean(values, seed: 11);
        Assert.Equal(a, b);
        Assert.Equal(values.Average(), a.Mean, 12);
        Assert.True(a.Lower < a.Mean && a.Mean < a.Upper, $"{a}");
        Assert.Equal(0.95, a.Level);
        Assert.Equal(1000, a.Resamples);

        // Binomial standard error ≈ sqrt(p(1-p)/n); a 95% interval is about ±1.96 of it.
        var se = Math.Sqrt(a.Mean * (1 - a.Mean) / values.Length);
        Assert.InRange(a.Upper - a.Lower, 2 * 1.96 * se * 0.8, 2 * 1.96 * se * 1.2);
        Assert.NotEqual(a, BootstrapInterval.OfMean(values, seed: 12));
    }

    [Fact]
    public void Bounds_approach_the_exact_bootstrap_distribution_quantiles()
    {
        double[] values = [0, 1, 2, 3];
        // Exact bootstrap distribution of the mean: all 4^4 equally likely ordered resamples.
        var means = new List<double>();
        foreach (var a in values)
        {
            foreach (var b in values)
            {
                foreach (var c in values)
                {
                    foreach (var d in values)
                    {
                        means.Add((a + b + c + d) / 4);
                    }
                }
            }
        }

        means.Sort();
        var interval = BootstrapInterval.OfMean(values, seed: 3, resamples: 40000, level: 0.8);
        AssertNearExactQuantile(means, 0.1, interval.Lower);
        AssertNearExactQuantile(means, 0.9, interval.Upper);
    }

    [Fact]
    public void Constant_values_give_a_degenerate_interval()
    {
        var ci = BootstrapInterval.OfMean([0.5, 0.5, 0.5], seed: 1);
        Assert.Equal((0.5, 0.5, 0.5), (ci.Lower, ci.Mean, ci.Upper));
    }

    [Fact]
    public void Invalid_arguments_throw()
    {
        Assert.Throws<ArgumentException>(() => BootstrapInterval.OfMean([], 1));
        Assert.Throws<ArgumentOutOfRangeException>(() => BootstrapInterval.OfMean([1.0], 1, resamples: 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BootstrapInterval.OfMean([1.0], 1, level: 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => BootstrapInterval.OfMean([1.0], 1, level: 0));
    }

    [Fact]
    public void Quantile_interpolates_linearly_between_order_statistics()
    {
        double[] sorted = [1, 2, 3, 4];
        Assert.Equal(1.0, BootstrapInterval.Quantile(sorted, 0));
        Assert.Equal(4.0, BootstrapInterval.Quantile(sorted, 1));
        Assert.Equal(2.5, BootstrapInterval.Quantile(sorted, 0.5), 12);
        Assert.Equal(2.0, BootstrapInterval.Quantile(sorted, 1.0 / 3), 12);
        Assert.Equal(1.3, BootstrapInterval.Quantile(sorted, 0.1), 12);
    }

    /// <summary>The estimate must lie between the atoms just below and above the exact q-quantile.</summary>
    private static void AssertNearExactQuantile(List<double> sortedExact, double q, double estimate)
    {
        var exact = sortedExact[(int)Math.Ceiling(q * sortedExact.Count) - 1];
        var below = sortedExact.Where(m => m < exact).DefaultIfEmpty(exact).Max();
        var above = sortedExact.Where(m => m > exact).DefaultIfEmpty(exact).Min();
        Assert.InRange(estimate, below, above);
    }
}
