using G2rl.Sampling;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Sampling;

/// <summary>Top-p, top-k and min-p keep exactly the intended tokens on hand-made distributions.</summary>
public sealed class LogitsTransformsTests
{
    private static bool[] Kept(Tensor logits) => logits.isfinite().data<bool>().ToArray();

    private static Tensor Logits(params double[] probs) => torch.tensor(probs.Select(p => Math.Log(p)).ToArray(), dtype: ScalarType.Float32).unsqueeze(0);

    [Theory]
    [InlineData(0.5, new[] { true, false, false, false })]   // 0.5 reaches 0.5
    [InlineData(0.6, new[] { true, true, false, false })]    // 0.5 + 0.3
    [InlineData(0.8, new[] { true, true, false, false })]    // exactly 0.8 reached by two tokens
    [InlineData(0.85, new[] { true, true, true, false })]
    [InlineData(0.3, new[] { true, false, false, false })]   // a single token exceeds p
    [InlineData(1.0, new[] { true, true, true, true })]
    public void TopPKeepsSmallestSetReachingP(double p, bool[] expected)
    {
        Assert.Equal(expected, Kept(LogitsTransforms.TopP(Logits(0.5, 0.3, 0.15, 0.05), p)));
    }

    [Fact]
    public void TopPOrdersTiesByTokenIdAndKeepsAtLeastOne()
    {
        Assert.Equal([true, true, false, false], Kept(LogitsTransforms.TopP(Logits(0.25, 0.25, 0.25, 0.25), 0.4)));
        Assert.Equal([false, true, false], Kept(LogitsTransforms.TopP(Logits(0.2, 0.6, 0.2), 1e-9)));
        Assert.Equal([false, false, true, true], Kept(LogitsTransforms.TopP(Logits(0.1, 0.1, 0.4, 0.4), 0.5)));
    }

    [Fact]
    public void TopKKeepsKAndAllTiesWithTheKth()
    {
        Assert.Equal([true, false, true, false], Kept(LogitsTransforms.TopK(Logits(0.4, 0.1, 0.3, 0.2), 2)));
        Assert.Equal([true, true, true, false], Kept(LogitsTransforms.TopK(Logits(0.4, 0.25, 0.25, 0.1), 2)));
        Assert.Equal([true, true, true, true], Kept(LogitsTransforms.TopK(Logits(0.4, 0.25, 0.25, 0.1), 10)));
    }

    [Fact]
    public void MinPKeepsTokensAboveFractionOfMax()
    {
        Assert.Equal([true, true, false, false], Kept(LogitsTransforms.MinP(Logits(0.5, 0.3, 0.15, 0.05), 0.5)));
    }

    [Fact]
    public void ApplyScalesByTemperatureBeforeFiltering()
    {
        var z = LogitsTransforms.Apply(torch.tensor(new float[] { 2, 1, 0 }).unsqueeze(0), new SamplingOptions { Temperature = 0.5 });
        Assert.Equal([4f, 2f, 0f], z.data<float>().ToArray());
    }

    [Fact]
    public void InvalidOptionsAreRejectedByName()
    {
        Assert.Contains("top_p", Assert.Throws<G2rlException>(() => new SamplingOptions { TopP = 0 }.Validate()).Message);
        Assert.Contains("temperature", Assert.Throws<G2rlException>(() => new SamplingOptions { Temperature = -1 }.Validate()).Message);
        Assert.Contains("max_new_tokens", Assert.Throws<G2rlException>(() => new SamplingOptions { MaxNewTokens = 0 }.Validate()).Message);
    }
}
