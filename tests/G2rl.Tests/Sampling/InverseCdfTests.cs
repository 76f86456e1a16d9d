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
        var u = CounterRng.Uniform(CounterRng.RowKeys(17, torch.arange(20000L)), torch.zeros(20000, ScalarType.Int64));
        var (tokens, finite) = TokenChooser.InverseCdf(probs, u);
        var draws = tokens.data<long>().ToArray();
        var freq = Enumerable.Range(0, 5).Select(k => draws.Count(d => d == k) / 20000.0).ToArray();
        Assert.True(finite.all().item<bool>());
        Assert.Equal(0, freq[1]);
        Assert.Equal(0, freq[4]);
        Assert.InRange(freq[0], 0.48, 0.52);
        Assert.InRange(freq[2], 0.28, 0.32);
        Assert.InRange(freq[3], 0.18, 0.22);
    }

    [Fact]
    public void UniformAtABoundaryPicksTheNextTokenWithMass()
    {
        using var scope = NewDisposeScope();
        var probs = torch.tensor(new float[] { 0.25f, 0f, 0.25f, 0.5f, 0.25f, 0f, 0.25f, 0.5f }, [2, 4]);
        // u·total = 0.25 (the end of token 0's mass) → token 2 (token 1 has none); 0 → token 0.
        var (tokens, _) = TokenChooser.InverseCdf(probs, torch.tensor(new[] { 0.25f, 0f }));
        Assert.Equal([2L, 0L], tokens.data<long>().ToArray());
    }

    [Fact]
    public void NonFiniteProbabilitiesAreFlagged()
    {
        using var scope = NewDisposeScope();
        var (_, finite) = TokenChooser.InverseCdf(torch.tensor(new[] { float.NaN, 0.5f, 0.2f, 0.3f }, [2, 2]), torch.tensor(new[] { 0.5f, 0.5f }));
        Assert.Equal([false, true], finite.data<bool>().ToArray());
    }
}
