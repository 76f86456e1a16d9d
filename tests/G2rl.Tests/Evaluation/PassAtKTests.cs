using System.Numerics;
using G2rl.Evaluation;

namespace G2rl.Tests.Evaluation;

public sealed class PassAtKTests
{
    [Fact]
    public void Unbiased_equals_enumeration_over_all_k_subsets_for_n_up_to_8()
    {
        for (var n = 1; n <= 8; n++)
        {
            for (var c = 0; c <= n; c++)
            {
                for (var k = 1; k <= n; k++)
                {
                    // Samples 0..c-1 are correct; count k-subsets (bit masks) holding at least one of them.
                    int subsets = 0, hits = 0;
                    for (var mask = 0; mask < 1 << n; mask++)
                    {
                        if (BitOperations.PopCount((uint)mask) != k)
                        {
                            continue;
                        }

                        subsets++;
                        hits += (mask & ((1 << c) - 1)) != 0 ? 1 : 0;
                    }

                    var expected = (double)hits / subsets;
                    Assert.True(
                        Math.Abs(PassAtK.Unbiased(n, c, k) - expected) < 1e-12,
                        $"n={n} c={c} k={k}: {PassAtK.Unbiased(n, c, k)} vs {expected}");
                }
            }
        }
    }

    [Fact]
    public void Unbiased_matches_exact_binomial_ratio_for_larger_n()
    {
        foreach (var (n, c, k) in new[] { (64, 1, 1), (64, 3, 16), (100, 40, 10), (200, 2, 100), (60, 59, 2) })
        {
            var ratio = (double)Binomial(n - c, k) / (double)Binomial(n, k);
            Assert.Equal(1 - ratio, PassAtK.Unbiased(n, c, k), 12);
        }

        Assert.Equal(0.001, PassAtK.Unbiased(1000, 1, 1), 15);
        Assert.Equal(0.0, PassAtK.Unbiased(16, 0, 16));
        Assert.Equal(1.0, PassAtK.Unbiased(16, 1, 16));
    }

    [Fact]
    public void Unbiased_list_overload_counts_true_flags()
    {
        bool[] flags = [false, true, false, true, false];
        Assert.Equal(PassAtK.Unbiased(5, 2, 3), PassAtK.Unbiased(flags, 3));
        Assert.Equal(0.4, PassAtK.Unbiased(flags, 1), 12);
    }

    [Theory]
    [InlineData(0, 0, 1, "n")]
    [InlineData(4, 0, 0, "k")]
    [InlineData(4, 0, 5, "k")]
    [InlineData(4, -1, 1, "c")]
    [InlineData(4, 5, 1, "c")]
    public void Unbiased_rejects_invalid_arguments(int n, int c, int k, string parameter)
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PassAtK.Unbiased(n, c, k));
        Assert.Equal(parameter, e.ParamName);
    }

    [Fact]
    public void FirstK_is_one_iff_a_correct_sample_is_among_the_first_k()
    {
        bool[] flags = [false, false, true, false];
        Assert.Equal(0.0, PassAtK.FirstK(flags, 1));
        Assert.Equal(0.0, PassAtK.FirstK(flags, 2));
        Assert.Equal(1.0, PassAtK.FirstK(flags, 3));
        Assert.Equal(1.0, PassAtK.FirstK(flags, 4));
        Assert.Equal(1.0, PassAtK.FirstK([true], 1));
        Assert.Equal(0.0, PassAtK.FirstK([false, false], 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => PassAtK.FirstK(flags, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => PassAtK.FirstK(flags, 5));
    }

    [Theory]
    [InlineData(1, new[] { 1 })]
    [InlineData(2, new[] { 1, 2 })]
    [InlineData(3, new[] { 1, 2, 3 })]
    [InlineData(12, new[] { 1, 2, 4, 8, 12 })]
    [InlineData(16, new[] { 1, 2, 4, 8, 16 })]
    [InlineData(17, new[] { 1, 2, 4, 8, 16, 17 })]
    public void Ks_lists_powers_of_two_then_n(int n, int[] expected) => Assert.Equal(expected, PassAtK.Ks(n));

    [Fact]
    public void Ks_properties_hold_for_every_n_up_to_300()
    {
        for (var n = 1; n <= 300; n++)
        {
            var ks = PassAtK.Ks(n);
            var powers = Enumerable.Range(0, 10).Select(e => 1 << e).Where(p => p <= n).ToArray();
            var expected = powers[^1] == n ? powers : [.. powers, n];
            Assert.Equal(expected, ks);
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => PassAtK.Ks(0));
    }

    private static BigInteger Binomial(int n, int k)
    {
        BigInteger r = 1;
        for (var i = 1; i <= k; i++)
        {
            r = r * (n - k + i) / i;
        }

        return r;
    }
}
