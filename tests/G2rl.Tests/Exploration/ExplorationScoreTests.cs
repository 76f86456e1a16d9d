using G2rl.Exploration;

namespace G2rl.Tests.Exploration;

/// <summary>ν, weights and reward shaping on hand-made groups.</summary>
public sealed class ExplorationScoreTests
{
    [Fact]
    public void ParallelFeaturesGiveZeroAndOrthogonalOnesGiveOne()
    {
        double[][] parallel = [[1, 2, 0], [2, 4, 0], [0.5, 1, 0]];
        Assert.All(GroupExplorationScore.Nu(parallel, [1, -1, 1]), v => Assert.Equal(0, v, 6));
        double[][] orthogonal = [[1, 0, 0], [0, 3, 0], [0, 0, 0.2]];
        Assert.All(GroupExplorationScore.Nu(orthogonal, [1, -1, 1]), v => Assert.Equal(1, v, 6));
    }

    [Fact]
    public void NuIsScaleInvariantAndWeightsSumToOne()
    {
        double[][] f = [[1, 0.5, -0.2], [0.3, -1, 0.4], [-0.7, 0.1, 0.9], [0.2, 0.2, 0.2]];
        double[] r = [1, -1, -1, 1];
        var nu = GroupExplorationScore.Nu(f, r);
        var scaled = GroupExplorationScore.Nu([.. f.Select((v, i) => v.Select(x => x * (i + 1) * 7.5).ToArray())], r);
        Assert.Equal(nu.Select(v => Math.Round(v, 6)), scaled.Select(v => Math.Round(v, 6)));
        var w = GroupExplorationScore.Weights(r);
        Assert.All(w, row => Assert.Equal(1, row.Sum(), 6));
        Assert.All(Enumerable.Range(0, 4), i => Assert.Equal(0, w[i][i]));
        Assert.True(w[1][0] > w[1][2], "higher-reward peers weigh more");
        // Hand value for response 0: w_0j = e^{r_j} / Σ_{k≠0} e^{r_k}, ν_0 = 1 − Σ w_0j S_0j².
        var s = GroupExplorationScore.Similarity(f);
        var denominator = Math.Exp(-1) + Math.Exp(-1) + Math.Exp(1);
        var expected = 1 - ((Math.Exp(-1) * s[0][1] * s[0][1]) + (Math.Exp(-1) * s[0][2] * s[0][2]) + (Math.Exp(1) * s[0][3] * s[0][3])) / denominator;
        Assert.Equal(expected, nu[0], 6);
    }

    [Fact]
    public void OneMemberGroupGetsNoShaping()
    {
        var nu = GroupExplorationScore.Nu([[1.0, 2.0]], [1]);
        Assert.Equal([1.0], nu);
        Assert.Equal([0.0], RewardShaping.MinMax(nu));
        Assert.Equal([1.0], RewardShaping.Shape([1], RewardShaping.MinMax(nu), 0.5, ShapingMode.Printed, 3));
    }

    [Fact]
    public void BothReadingsOfEquation12OnAWorkedExample()
    {
        double[] r = [1, 1, -1, -1];
        double[] nuBar = [1, 0, 1, 0];
        Assert.Equal([1.5, 1.0, -0.5, -1.0], RewardShaping.Shape(r, nuBar, 0.5, ShapingMode.Printed, 3));
        Assert.Equal([1.5, 0.5, -1.5, -0.5], RewardShaping.Shape(r, nuBar, 0.5, ShapingMode.Prose, 3));
    }

    [Fact]
    public void ShapedRewardsStayWithinTheClipAndMinMaxIsBounded()
    {
        var rng = new Random(5);
        for (var trial = 0; trial < 200; trial++)
        {
            var r = Enumerable.Range(0, 6).Select(_ => rng.NextDouble() * 8 - 4).ToArray();
            var nuBar = RewardShaping.MinMax([.. r.Select(_ => rng.NextDouble())]);
            Assert.All(nuBar, v => Assert.InRange(v, 0, 1));
            foreach (var mode in new[] { ShapingMode.Printed, ShapingMode.Prose })
            {
                Assert.All(RewardShaping.Shape(r, nuBar, 2.0, mode, 3), v => Assert.InRange(v, -3, 3));
            }
        }
        Assert.Equal([0.0, 0.0, 0.0], RewardShaping.MinMax([0.4, 0.4, 0.4]));
    }

    [Fact]
    public void EvolNoveltyRewardsFollowTheFormula()
    {
        // Two correct (identical direction and a novel one) and two incorrect, one without an answer.
        float[][] e = [[1, 0], [0, 1], [1, 0], [0.6f, 0.8f]];
        var rewards = EvolNovelty.Rewards(e, [true, true, false, false], [true, true, true, false]);
        // novelty_0 = 1 − (0.5·cos(e0,e1) + 0.5·max(cos(e0,e1), cos(e0,e2), cos(e0,e3))) = 1 − (0 + 0.5) = 0.5
        // novelty_1 = 1 − (0.5·0 + 0.5·0.8) = 0.6 → among correct, min–max gives ν̃_0 = 0, ν̃_1 = 1.
        Assert.Equal(0.5, rewards[0], 6);
        Assert.Equal(1.0, rewards[1], 6);
        // incorrect: novelty_2 = 1 − (0.5·0.6 + 0.5·1) = 0.2, novelty_3 = 1 − (0.5·0.6 + 0.5·0.8) = 0.3 → ν̃_2 = 0 → −1; 3 has no answer → −1.
        Assert.Equal(-1.0, rewards[2], 6);
        Assert.Equal(-1.0, rewards[3], 6);
    }
}
