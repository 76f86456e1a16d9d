using G2rl.Evaluation;

namespace G2rl.Tests.Evaluation;

public sealed class HierarchicalBootstrapTests
{
    private static IReadOnlyList<IReadOnlyList<double>> Constant(double[] seedMeans, int problems) =>
        [.. seedMeans.Select(m => (IReadOnlyList<double>)[.. Enumerable.Repeat(m, problems)])];

    [Fact]
    public void Seeds_that_disagree_give_the_exact_bootstrap_of_seed_means()
    {
        // Every problem has the same accuracy within a seed, so only seeds vary. Treatment seeds 0.1, 0.5, 0.6; control
        // seeds all 0.3. The bootstrap distribution of Δ is mean(3 draws from {0.1, 0.5, 0.6}) − 0.3: its 27 equally
        // likely outcomes run from −0.2 (all 0.1, probability 1/27 > 2.5%) to +0.3 (all 0.6, 1/27), so the exact 2.5% and
        // 97.5% quantiles are −0.2 and +0.3, and the point estimate is 0.4 − 0.3 = +0.1.
        var treatment = Constant([0.1, 0.5, 0.6], 50);
        var control = Constant([0.3, 0.3, 0.3], 50);
        var d = HierarchicalBootstrap.OfDifference(treatment, control, seed: 5, resamples: 4000);
        Assert.Equal(0.1, d.Mean, 12);
        Assert.Equal(-0.2, d.Lower, 9);
        Assert.Equal(0.3, d.Upper, 9);

        // The problems-only bootstrap of per-problem accuracy averaged over seeds sees no spread at all and "excludes 0".
        var problemsOnly = BootstrapInterval.OfMean([.. Enumerable.Repeat(0.4 - 0.3, 50)], seed: 5);
        Assert.True(problemsOnly.Lower > 0, $"{problemsOnly}");
        Assert.True(d.Lower < 0 && d.Upper > 0, $"{d}");
    }

    [Fact]
    public void With_one_seed_it_is_the_exact_bootstrap_of_problems()
    {
        // One seed, two problems with accuracies 0 and 1: the resample mean is 0, 0.5 or 1 with probabilities 1/4, 1/2, 1/4,
        // so the 2.5% and 97.5% quantiles are 0 and 1.
        IReadOnlyList<IReadOnlyList<double>> a = [[0.0, 1.0]];
        var ci = HierarchicalBootstrap.OfMean(a, seed: 3, resamples: 4000);
        Assert.Equal(0.5, ci.Mean, 12);
        Assert.Equal(0.0, ci.Lower, 12);
        Assert.Equal(1.0, ci.Upper, 12);
    }

    [Fact]
    public void Problems_are_paired_between_methods()
    {
        // Both methods have the same per-problem pattern (one seed each) shifted by 0.1: with pairing the difference is
        // exactly 0.1 in every resample, so the interval has zero width; unpaired resampling would spread it.
        var rng = new Random(1);
        var pattern = Enumerable.Range(0, 40).Select(_ => rng.NextDouble() * 0.8).ToArray();
        IReadOnlyList<IReadOnlyList<double>> a = [[.. pattern.Select(v => v + 0.1)]];
        IReadOnlyList<IReadOnlyList<double>> b = [pattern];
        var d = HierarchicalBootstrap.OfDifference(a, b, seed: 2);
        Assert.Equal(0.1, d.Lower, 9);
        Assert.Equal(0.1, d.Upper, 9);
    }

    [Fact]
    public void Same_seed_same_interval_and_bad_input_is_rejected()
    {
        var a = Constant([0.2, 0.4], 10);
        Assert.Equal(HierarchicalBootstrap.OfMean(a, 9), HierarchicalBootstrap.OfMean(a, 9));
        Assert.Throws<ArgumentException>(() => HierarchicalBootstrap.OfDifference(a, Constant([0.2], 9), 1));
        Assert.Throws<ArgumentException>(() => HierarchicalBootstrap.OfMean([], 1));
        Assert.Throws<ArgumentException>(() => HierarchicalBootstrap.OfMean([[0.1, 0.2], [0.3]], 1));
    }

    [Fact]
    public void Seed_spread_and_power_follow_the_documented_formulas()
    {
        var s = SeedSpread.Of([0.208, 0.267, 0.171]);
        Assert.Equal((0.208 + 0.267 + 0.171) / 3, s.Mean, 12);
        // Hand-computed: deviations −0.007333, +0.051667, −0.044333; sum of squares 0.0046887; /2 → SD 0.048418
        Assert.Equal(0.048418, s.Sd!.Value, 5);
        Assert.Null(SeedSpread.Of([0.3]).Sd);

        // n = ⌈(1.959964 + 0.841621)² · (0.05² + 0.03²) / 0.02²⌉ = ⌈7.84888 · 0.0034 / 0.0004⌉ = ⌈66.7⌉ = 67.
        Assert.Equal(67, SeedPower.SeedsFor(0.05, 0.03, 0.02));
        Assert.Equal(2, SeedPower.SeedsFor(0.001, 0.001, 0.02));
        Assert.Null(SeedPower.SeedsFor(null, 0.03, 0.02));
    }
}
