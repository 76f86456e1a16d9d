using G2rl.Rl;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Rl;

/// <summary>The RL functions against values computed by hand, and the vectorised advantages against the loop version.</summary>
public sealed class RlMathTests
{
    private static float[] Values(Tensor t) => t.to(ScalarType.Float32).data<float>().ToArray();

    [Fact]
    public void GrpoStandardisesWithinEachGroup()
    {
        var a = Values(Advantages.Compute(torch.tensor(new float[] { 1, -1, -1, 1, 1, 1, 1, 1 }, [2, 4]), AdvantageEstimator.Grpo));
        var s = (float)(1 / Math.Sqrt(1 + 1e-6));
        Assert.Equal(new[] { s, -s, -s, s, 0, 0, 0, 0 }, a);
    }

    [Fact]
    public void DrGrpoAndRlooMatchHandValues()
    {
        var r = torch.tensor(new float[] { 1, 0, 0, 0 }, [1, 4]);
        Assert.Equal(new[] { 0.75f, -0.25f, -0.25f, -0.25f }, Values(Advantages.Compute(r, AdvantageEstimator.DrGrpo)));
        var rloo = Values(Advantages.Compute(r, AdvantageEstimator.Rloo));
        Assert.Equal(1f, rloo[0], 5);
        Assert.Equal(-1f / 3, rloo[1], 5);
    }

    [Theory]
    [InlineData(AdvantageEstimator.Grpo)]
    [InlineData(AdvantageEstimator.DrGrpo)]
    [InlineData(AdvantageEstimator.Rloo)]
    public void VectorisedAdvantagesEqualTheLoop(AdvantageEstimator estimator)
    {
        var rng = new Random(3);
        var rewards = Enumerable.Range(0, 7).Select(_ => Enumerable.Range(0, 5).Select(_ => (float)Math.Round(rng.NextDouble() * 4 - 2, 2)).ToArray()).ToArray();
        var loop = Advantages.ComputeLoop(rewards, estimator);
        var vec = Values(Advantages.Compute(torch.tensor(rewards.SelectMany(r => r).ToArray(), [7, 5]), estimator));
        for (var i = 0; i < 35; i++)
        {
            Assert.Equal(loop[i / 5][i % 5], vec[i], 4);
        }
    }

    [Fact]
    public void PpoClipTakesThePessimisticBranch()
    {
        var old = torch.zeros([1, 5]);
        var ratios = new[] { 1.5, 0.5, 0.5, 1.5, 5.0 };
        var logp = torch.tensor(ratios.Select(r => (float)Math.Log(r)).ToArray(), [1, 5]);
        var adv = torch.tensor(new float[] { 1, 1, -1, -1, -1 }, [1, 5]);
        var (loss, clipped) = PolicyLoss.Compute(logp, old, adv);
        var l = Values(loss);
        Assert.Equal(new[] { -1.2f, -0.5f, 0.8f, 1.5f, 5.0f }, l.Select(v => MathF.Round(v, 4)).ToArray());
        Assert.Equal(new[] { true, false, true, false, false }, clipped.data<bool>().ToArray());
        var (dual, _) = PolicyLoss.Compute(logp, old, adv, dualClip: 3.0);
        Assert.Equal(3.0f, Values(dual)[4], 4);
        Assert.Equal(1.5f, Values(dual)[3], 4);
        var (higher, _) = PolicyLoss.Compute(logp, old, adv, clipLow: 0.2, clipHigh: 0.28);
        Assert.Equal(-1.28f, Values(higher)[0], 4);
    }

    [Fact]
    public void KlEstimatorsMatchHandValues()
    {
        var logp = torch.tensor(new[] { (float)Math.Log(0.5) });
        var reference = torch.tensor(new[] { (float)Math.Log(0.25) });
        var l2 = Math.Log(2);
        Assert.Equal(l2, Values(KlPenalty.PerToken(logp, reference, KlEstimator.K1))[0], 5);
        Assert.Equal(0.5 * l2 * l2, Values(KlPenalty.PerToken(logp, reference, KlEstimator.K2))[0], 5);
        Assert.Equal(0.5 + l2 - 1, Values(KlPenalty.PerToken(logp, reference, KlEstimator.K3))[0], 5);
        Assert.Equal(10f, Values(KlPenalty.PerToken(torch.tensor(new[] { -30f }), torch.tensor(new[] { 0f }), KlEstimator.K3))[0]);
        Assert.Equal(0f, Values(KlPenalty.PerToken(logp, logp, KlEstimator.K3))[0]);
    }

    [Fact]
    public void AggregationsMatchHandValuesAndPartsSumToTheWhole()
    {
        var loss = torch.tensor(new float[] { 1, 2, 3, 4, 0, 0, 5, 6, 0 }, [3, 3]);
        var mask = torch.tensor(new float[] { 1, 1, 1, 1, 0, 0, 1, 1, 0 }, [3, 3]);
        Assert.Equal(21f / 6, LossAggregator.Aggregate(loss, mask, LossAggregation.TokenMean).item<float>(), 5);
        Assert.Equal((2f + 4f + 5.5f) / 3, LossAggregator.Aggregate(loss, mask, LossAggregation.SeqMeanTokenMean).item<float>(), 5);
        Assert.Equal((6f / 4 + 4f / 4 + 11f / 4) / 3, LossAggregator.Aggregate(loss, mask, LossAggregation.SeqMeanTokenSumNorm, 4).item<float>(), 5);
        foreach (var mode in Enum.GetValues<LossAggregation>())
        {
            var whole = LossAggregator.Aggregate(loss, mask, mode, 4).item<float>();
            var parts = LossAggregator.AggregatePart(loss.narrow(0, 0, 2), mask.narrow(0, 0, 2), mode, 4, 6, 3).item<float>()
                + LossAggregator.AggregatePart(loss.narrow(0, 2, 1), mask.narrow(0, 2, 1), mode, 4, 6, 3).item<float>();
            Assert.Equal(whole, parts, 5);
        }
    }
}
