using G2rl.Evaluation;

namespace G2rl.Tests.Evaluation;

public sealed class PairwiseCosineTests
{
    [Theory]
    [InlineData(new double[] { 1, 0 }, new double[] { 0, 1 }, 0.0)]
    [InlineData(new double[] { 1, 2, 3 }, new double[] { 2, 4, 6 }, 1.0)]
    [InlineData(new double[] { 1, 2, 3 }, new double[] { -0.5, -1, -1.5 }, -1.0)]
    [InlineData(new double[] { 3, 4 }, new double[] { 4, 3 }, 0.96)]
    [InlineData(new double[] { 3, 4 }, new double[] { 1, 0 }, 0.6)]
    [InlineData(new double[] { 3, 4 }, new double[] { 0, 7 }, 0.8)]
    [InlineData(new double[] { 3, 4 }, new double[] { -4, 3 }, 0.0)]
    [InlineData(new double[] { 3, 4 }, new double[] { -4, -3 }, -0.96)]
    [InlineData(new double[] { 3, 4, 0 }, new double[] { 0, 0, 5 }, 0.0)]
    public void Cosine_matches_hand_computed_values(double[] a, double[] b, double expected)
    {
        Assert.Equal(expected, PairwiseCosine.Cosine(a, b), 14);
        Assert.Equal(expected, PairwiseCosine.Cosine(b, a), 14);
        Assert.Equal(expected, PairwiseCosine.Cosine(a.Select(x => (float)x).ToArray(), b.Select(x => (float)x).ToArray()), 6);
    }

    [Fact]
    public void A_zero_vector_has_cosine_zero_with_everything()
    {
        Assert.Equal(0.0, PairwiseCosine.Cosine([0.0, 0.0], [3.0, 4.0]));
        Assert.Equal(0.0, PairwiseCosine.Cosine([0.0, 0.0], [0.0, 0.0]));
        Assert.Equal(0.0, PairwiseCosine.Cosine([1e-13, 0.0], [1.0, 0.0]));
        Assert.Equal(1.0, PairwiseCosine.Cosine([1e-13, 0.0], [1.0, 0.0], epsilon: 1e-14), 14);
    }

    [Fact]
    public void Cosine_of_a_vector_with_itself_never_exceeds_one()
    {
        var random = new Random(7);
        for (var t = 0; t < 1000; t++)
        {
            var v = Enumerable.Range(0, 1 + random.Next(50)).Select(_ => (random.NextDouble() - 0.5) * Math.Pow(10, random.Next(-5, 6))).ToArray();
            var c = PairwiseCosine.Cosine(v, v);
            Assert.InRange(c, 1 - 1e-14, 1.0);
        }
    }

    [Fact]
    public void Pairs_lists_i_less_than_j_in_row_order()
    {
        double[][] group = [[1, 0], [0, 1], [-1, 0], [3, 4]];
        Assert.Equal(new[] { 0, -1, 0.6, 0, 0.8, -0.6 }, PairwiseCosine.Pairs(group).Select(c => Math.Round(c, 12)));
    }

    [Fact]
    public void Groups_of_zero_or_one_vector_have_no_pairs()
    {
        Assert.Empty(PairwiseCosine.Pairs(Array.Empty<double[]>()));
        Assert.Empty(PairwiseCosine.Pairs([new double[] { 1, 2 }]));
        Assert.Empty(PairwiseCosine.Pairs([new float[] { 1, 2 }]));
    }

    [Fact]
    public void Pairs_rejects_mismatched_or_non_finite_vectors()
    {
        Assert.Throws<ArgumentException>(() => PairwiseCosine.Pairs([new double[] { 1, 2 }, new double[] { 1, 2, 3 }]));
        Assert.Throws<ArgumentException>(() => PairwiseCosine.Pairs([new double[] { 1, double.NaN }, new double[] { 1, 2 }]));
        Assert.Throws<ArgumentException>(() => PairwiseCosine.Pairs([new double[] { 1, 2 }, null!]));
        Assert.Throws<ArgumentException>(() => PairwiseCosine.Cosine([1.0], [1.0, 2.0]));
    }

    [Fact]
    public void Summary_of_two_hand_computed_groups()
    {
        // Group A: cosines 0 (0,1), −1 (0,2), 0 (1,2). Group B: 0.96. Pooled mean (−1 + 0.96)/4 = −0.01;
        // mean of group means (−1/3 + 0.96)/2.
        double[][][] groups = [[[1, 0], [0, 1], [-1, 0]], [[3, 4], [4, 3]]];
        var s = PairwiseCosine.Summarize(groups, bins: 4);
        Assert.Equal(2, s.Groups);
        Assert.Equal(2, s.GroupsWithPairs);
        Assert.Equal(4, s.Pairs);
        Assert.Equal(-0.01, s.Mean, 12);
        Assert.Equal((-1.0 / 3 + 0.96) / 2, s.MeanOfGroupMeans, 12);
        Assert.Equal(0.25, s.NegativeShare, 12);
        Assert.Equal(0.5, s.NearOrthogonalShare, 12);
        Assert.Equal([1L, 0, 2, 1], s.Histogram.Counts);
        Assert.Equal(-1, s.Histogram.Min);
        Assert.Equal(1, s.Histogram.Max);
    }

    [Fact]
    public void Summary_matches_brute_force_on_random_groups_of_unequal_size()
    {
        var random = new Random(2512);
        var groups = Enumerable.Range(0, 30)
            .Select(_ => Enumerable.Range(0, 1 + random.Next(9))
                .Select(_ => Enumerable.Range(0, 6).Select(_ => (float)(random.NextDouble() - 0.3)).ToArray())
                .ToArray())
            .ToArray();

        var perGroup = groups.Select(g =>
        {
            var cos = new List<double>();
            for (var i = 0; i < g.Length; i++)
            {
                for (var j = i + 1; j < g.Length; j++)
                {
                    double dot = 0, na = 0, nb = 0;
                    for (var d = 0; d < 6; d++)
                    {
                        dot += (double)g[i][d] * g[j][d];
                        na += (double)g[i][d] * g[i][d];
                        nb += (double)g[j][d] * g[j][d];
                    }
                    cos.Add(dot / Math.Sqrt(na * nb));
                }
            }
            return cos;
        }).ToArray();
        var all = perGroup.SelectMany(c => c).ToArray();
        var withPairs = perGroup.Where(c => c.Count > 0).ToArray();

        var s = PairwiseCosine.Summarize(groups, bins: 10);
        Assert.Equal(30, s.Groups);
        Assert.Equal(withPairs.Length, s.GroupsWithPairs);
        Assert.Equal(all.Length, s.Pairs);
        Assert.Equal(all.Average(), s.Mean, 12);
        Assert.Equal(withPairs.Average(c => c.Average()), s.MeanOfGroupMeans, 12);
        Assert.NotEqual(s.Mean, s.MeanOfGroupMeans, 6);
        Assert.Equal(all.Count(c => c < 0) / (double)all.Length, s.NegativeShare, 12);
        Assert.Equal(all.Count(c => Math.Abs(c) < 0.1) / (double)all.Length, s.NearOrthogonalShare, 12);
        var bins = new long[10];
        foreach (var c in all)
        {
            bins[Math.Min(9, (int)Math.Floor((c + 1) / 0.2))]++;
        }
        Assert.Equal(bins, s.Histogram.Counts);
        Assert.InRange(s.NegativeShare, 0.01, 0.99);
    }

    [Fact]
    public void Summary_without_pairs_reports_nan_means_and_empty_histogram()
    {
        var singles = PairwiseCosine.Summarize(new[] { new[] { new double[] { 1, 0 } }, Array.Empty<double[]>() });
        Assert.Equal(2, singles.Groups);
        Assert.Equal(0, singles.GroupsWithPairs);
        Assert.Equal(0, singles.Pairs);
        Assert.True(double.IsNaN(singles.Mean));
        Assert.True(double.IsNaN(singles.MeanOfGroupMeans));
        Assert.True(double.IsNaN(singles.NegativeShare));
        Assert.True(double.IsNaN(singles.NearOrthogonalShare));
        Assert.Equal(CosineSummary.DefaultBins, singles.Histogram.Counts.Count);
        Assert.Equal(0, singles.Histogram.Total);

        var none = PairwiseCosine.Summarize(Array.Empty<double[][]>());
        Assert.Equal(0, none.Groups);
        Assert.Equal(0, none.Pairs);
    }

    [Fact]
    public void Zero_vectors_count_as_near_orthogonal_not_negative()
    {
        var s = PairwiseCosine.Summarize(new[] { new[] { new double[] { 0, 0 }, new double[] { -1, 0 }, new double[] { 1, 0 } } });
        Assert.Equal(3, s.Pairs);
        Assert.Equal(1.0 / 3, s.NegativeShare, 12);
        Assert.Equal(2.0 / 3, s.NearOrthogonalShare, 12);
    }

    [Fact]
    public void SummarizePairs_rejects_values_outside_the_cosine_range()
    {
        Assert.Throws<ArgumentException>(() => PairwiseCosine.SummarizePairs([new[] { 0.5, 1.5 }]));
        Assert.Throws<ArgumentException>(() => PairwiseCosine.SummarizePairs([new[] { double.NaN }]));
    }

    [Fact]
    public void Histogram_puts_the_upper_bound_in_the_last_bin_and_counts_outliers_apart()
    {
        var h = EqualWidthHistogram.Build([-1, -0.5, 0, 0.49, 0.5, 1, 1.2, -3], -1, 1, 4);
        Assert.Equal([1L, 1, 2, 2], h.Counts);
        Assert.Equal(1, h.Below);
        Assert.Equal(1, h.Above);
        Assert.Equal(6, h.Total);
        Assert.Equal([-1, -0.5, 0, 0.5, 1], h.Edges());
        Assert.Equal(0.25, h.Center(2), 14);
        Assert.Throws<ArgumentException>(() => EqualWidthHistogram.Build([double.NaN], -1, 1, 4));
        Assert.Throws<ArgumentException>(() => EqualWidthHistogram.Build([0.0], 1, 1, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => EqualWidthHistogram.Build([0.0], -1, 1, 0));
    }
}
