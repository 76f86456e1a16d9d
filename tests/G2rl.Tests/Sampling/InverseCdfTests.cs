using G2rl.Sampling;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Sampling;

/// <summary>Inverse-CDF sampling draws tokens with their probabilities and never a zero-probability token.</summary>
public sealed class InverseCdfTests
{
    [Fact]
    public void FrequenciesMatchTheDistribution()
    {
        using var scope = NewDisposeScope();
        var probs = torch.tensor(new float[] { 0.5f, 0f, 0.3f, 0.2f, 0f }).unsqueeze(0).expand(20000, 5).contiguous();
        using var gen = new Generator(17);
        var draws = BatchedSampler.InverseCdf(probs, gen).data<long>().ToArray();
        var freq = Enumerable.Range(0, 5).Select(k => draws.Count(d => d == k) / 20000.0).ToArray();
        Assert.Equal(0, freq[1]);
        Assert.Equal(0, freq[4]);
        Assert.InRange(freq[0], 0.48, 0.52);
        Assert.InRange(freq[2], 0.28, 0.32);
        Assert.InRange(freq[3], 0.18, 0.22);
    }

    [Fact]
    public void NonFiniteProbabilitiesAreAClearError()
    {
        using var gen = new Generator(1);
        Assert.Throws<G2rlException>(() => BatchedSampler.InverseCdf(torch.tensor(new[] { float.NaN, 0.5f }).unsqueeze(0), gen));
    }
}
