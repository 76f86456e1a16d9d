using G2rl.Rl;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Rl;

/// <summary>The DAPO / GSPO / selective-token options against values computed by hand.</summary>
public sealed class ObjectiveOptionTests
{
    private static float[] Values(Tensor t) => t.to(ScalarType.Float32).data<float>().ToArray();

    // Row 0: token log-ratios 0.2, −0.1, 0 (mean 0.1/3); row 1: 0.2, 0.4 and a padded position.
    private static (Tensor Logp, Tensor Old, Tensor Mask) TwoRows() => (
        torch.tensor(new float[] { -1.0f, -2.0f, -0.5f, -0.3f, -0.1f, 0f }, [2, 3]),
        torch.tensor(new float[] { -1.2f, -1.9f, -0.5f, -0.5f, -0.5f, -9f }, [2, 3]),
        torch.tensor(new float[] { 1, 1, 1, 1, 1, 0 }, [2, 3]));

    [Fact]
    public void SequenceRatioIsTheExpOfTheMeanTokenLogRatioAndIsClippedPerSequence()
    {
        var (logp, old, mask) = TwoRows();
        var logRatio = SequenceImportance.LogRatio(logp, old, mask, ImportanceSampling.Sequence);
        var r = Values(logRatio);
        foreach (var i in new[] { 0, 1, 2 })
        {
            Assert.Equal(0.1f / 3, r[i], 5);
        }
        Assert.Equal(0.3f, r[3], 5);
        Assert.Equal(0.3f, r[4], 5);
        var (loss, clipped) = PolicyLoss.FromLogRatio(logRatio, torch.tensor(new float[] { 1, 1 }), 0.2, 0.2);
        var l = Values(loss);
        var s0 = (float)Math.Exp(0.1 / 3); // 1.033895: inside [0.8, 1.2]
        Assert.Equal(new[] { -s0, -s0, -s0 }, l[..3]);
        Assert.Equal(-1.2f, l[3], 5); // exp(0.3) = 1.3499 clipped to 1.2 for the whole sequence
        Assert.Equal(-1.2f, l[4], 5);
        Assert.Equal(new[] { false, false, false, true, true }, clipped.data<bool>().ToArray()[..5]);
    }

    [Fact]
    public void TokenRatioClipsEachTokenSeparately()
    {
        var (logp, old, mask) = TwoRows();
        var (loss, clipped) = PolicyLoss.FromLogRatio(SequenceImportance.LogRatio(logp, old, mask, ImportanceSampling.Token), torch.tensor(new float[] { 1, 1 }), 0.2, 0.2);
        var l = Values(loss);
        Assert.Equal(-1.2f, l[0], 5); // exp(0.2) = 1.2214 clipped
        Assert.Equal((float)-Math.Exp(-0.1), l[1], 5);
        Assert.Equal(-1f, l[2], 5);
        Assert.Equal(new[] { true, false, false }, clipped.data<bool>().ToArray()[..3]);
        var (direct, _) = PolicyLoss.Compute(logp, old, torch.tensor(new float[] { 1, 1 }), 0.2, 0.2);
        Assert.Equal(Values(direct), l);
    }

    [Fact]
    public void SequenceRatioGradientIsSpreadEvenlyOverTheRow()
    {
        var (logp, old, mask) = TwoRows();
        logp.requires_grad = true;
        var (loss, _) = PolicyLoss.FromLogRatio(SequenceImportance.LogRatio(logp, old, mask, ImportanceSampling.Sequence), torch.tensor(new float[] { 1, 0 }));
        // token mean over row 0's three tokens of −s0 = −s0; d/d logp_t = −s0 / 3 for each of them.
        ((loss * mask)[0].sum() / 3).backward();
        var g = Values(logp.grad!);
        var expected = (float)(-Math.Exp(0.1 / 3) / 3);
        Assert.Equal(expected, g[0], 5);
        Assert.Equal(expected, g[1], 5);
        Assert.Equal(expected, g[2], 5);
        Assert.Equal(0f, g[3]);
    }

    [Fact]
    public void EntropyQuantileKeepsTheTopRhoResponseTokens()
    {
        var entropy = torch.tensor(new float[] { 0.1f, 0.9f, 0.5f, 0.0f, 0.7f, 0.3f, 0.8f, 0.2f }, [2, 4]);
        var mask = torch.tensor(new float[] { 1, 1, 1, 0, 1, 1, 0, 0 }, [2, 4]);
        // Response entropies {0.1, 0.9, 0.5, 0.7, 0.3}: ρ = 0.4 keeps ⌈2⌉ = 2 (0.9, 0.7); the masked 0.8 never counts.
        Assert.Equal(new float[] { 0, 1, 0, 0, 1, 0, 0, 0 }, Values(EntropyQuantileMask.Compute(entropy, mask, 0.4)));
        // ρ = 0.5 keeps ⌈2.5⌉ = 3 (0.9, 0.7, 0.5).
        Assert.Equal(new float[] { 0, 1, 1, 0, 1, 0, 0, 0 }, Values(EntropyQuantileMask.Compute(entropy, mask, 0.5)));
        Assert.Equal(Values(mask), Values(EntropyQuantileMask.Compute(entropy, mask, 1.0)));
    }

    [Fact]
    public void EntropyQuantileKeepsAllTiesAtTheThreshold()
    {
        var entropy = torch.tensor(new float[] { 0.5f, 0.5f, 0.5f, 0.1f }, [1, 4]);
        var mask = torch.ones(1, 4);
        Assert.Equal(new float[] { 1, 1, 1, 0 }, Values(EntropyQuantileMask.Compute(entropy, mask, 0.25)));
    }

    [Fact]
    public void TruncatedRowsLeaveTheMask()
    {
        var mask = torch.tensor(new float[] { 1, 1, 1, 0 }, [2, 2]);
        Assert.Equal(new float[] { 1, 1, 0, 0 }, Values(TruncationMask.Apply(mask, torch.tensor(new[] { false, true }))));
    }

    [Theory]
    [InlineData(80, 1.0, 0.0)]
    [InlineData(50, 1.0, 0.0)]
    [InlineData(90, 1.0, -0.5)]
    [InlineData(100, 1.0, -1.0)]
    [InlineData(101, 1.0, -1.0)]
    [InlineData(85, 0.5, -0.125)]
    public void OverlongPenaltyFallsLinearlyThroughTheBuffer(int length, double penalty, double expected) =>
        Assert.Equal(expected, OverlongPenalty.Of(length, maxLength: 100, bufferLength: 20, penalty), 12);

    [Fact]
    public void ScaleRewardsGroupBatchAndNone()
    {
        var r = torch.tensor(new float[] { 1, -1, -1, -1, 1, 1, 1, 1 }, [2, 4]);
        // Row 0: mean −0.5, centred (1.5, −0.5, −0.5, −0.5), group variance 0.75. All 8: mean 0.25, variance (5·0.5625 + 3·1.5625)/8 = 0.9375.
        float[] centred = [1.5f, -0.5f, -0.5f, -0.5f, 0, 0, 0, 0];
        var group = Values(Advantages.Compute(r, AdvantageEstimator.Grpo, RewardScaling.Group));
        var batch = Values(Advantages.Compute(r, AdvantageEstimator.Grpo, RewardScaling.Batch));
        var none = Values(Advantages.Compute(r, AdvantageEstimator.Grpo, RewardScaling.None));
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(centred[i] / Math.Sqrt(0.75 + 1e-6), group[i], 5);
            Assert.Equal(centred[i] / Math.Sqrt(0.9375 + 1e-6), batch[i], 5);
            Assert.Equal(centred[i], none[i], 6);
        }
    }

    [Theory]
    [InlineData(AdvantageEstimator.Grpo, RewardScaling.Group)]
    [InlineData(AdvantageEstimator.DrGrpo, RewardScaling.None)]
    [InlineData(AdvantageEstimator.Rloo, RewardScaling.None)]
    public void TheImpliedScalingEqualsTheEstimatorAlone(AdvantageEstimator estimator, RewardScaling scaling)
    {
        var r = torch.tensor(new float[] { 1, 0.5f, -1, 2, 0, 0, 3, -2 }, [2, 4]);
        Assert.Equal(Values(Advantages.Compute(r, estimator)), Values(Advantages.Compute(r, estimator, scaling)));
    }

    [Fact]
    public void GrpoWithoutScalingIsDrGrpo()
    {
        var r = torch.tensor(new float[] { 1, 0.5f, -1, 2 }, [1, 4]);
        Assert.Equal(Values(Advantages.Compute(r, AdvantageEstimator.DrGrpo)), Values(Advantages.Compute(r, AdvantageEstimator.Grpo, RewardScaling.None)));
    }
}
