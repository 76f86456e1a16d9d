using G2rl.Rl;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Rl;

/// <summary>The fused chunked log-prob/entropy function equals plain autograd over full logits, values and gradients.</summary>
public sealed class TokenLogProbsTests
{
    [Theory]
    [InlineData(1.0, 3)]
    [InlineData(0.7, 100)]
    [InlineData(1.3, 1)]
    public void ChunkedValuesAndGradientsEqualFullAutograd(double temperature, long chunk)
    {
        using var scope = NewDisposeScope();
        var gen = new Generator(7);
        long b = 3, t = 6, d = 8, v = 11;
        var hidden = torch.randn([b, t, d], generator: gen).requires_grad_(true);
        var weight = torch.randn([v, d], generator: gen).requires_grad_(true);
        var ids = torch.randint(0, v, [b, t], generator: gen);
        var mask = torch.rand([b, t - 1], generator: gen).gt(0.3);
        var wLogp = torch.randn([b, t - 1], generator: gen);
        var wEnt = torch.randn([b, t - 1], generator: gen);

        var (logp, ent) = TokenLogProbs.Compute(hidden, weight, ids, mask, temperature, chunk, withEntropy: true);
        ((logp * wLogp).sum() + (ent * wEnt).sum()).backward();
        var gH = hidden.grad!.clone();
        var gW = weight.grad!.clone();
        hidden.grad!.zero_();
        weight.grad!.zero_();

        // Reference: full logits, log_softmax, gather, entropy; masked with the same mask.
        var z = hidden.narrow(1, 0, t - 1).matmul(weight.t()) / temperature;
        var logSoft = z.log_softmax(-1);
        var refLogp = logSoft.gather(2, ids.narrow(1, 1, t - 1).unsqueeze(2)).squeeze(2) * mask;
        var refEnt = -(logSoft.exp() * logSoft).sum(-1) * mask;
        ((refLogp * wLogp).sum() + (refEnt * wEnt).sum()).backward();

        Assert.True((logp - refLogp).abs().max().item<float>() < 1e-5);
        Assert.True((ent - refEnt).abs().max().item<float>() < 1e-5);
        Assert.True((gH - hidden.grad!).abs().max().item<float>() < 1e-5);
        Assert.True((gW - weight.grad!).abs().max().item<float>() < 1e-5);
        Assert.Equal(0f, logp.masked_select(mask.logical_not()).abs().sum().item<float>());
    }

    [Fact]
    public void NoTargetsGivesZerosAndZeroGradients()
    {
        using var scope = NewDisposeScope();
        var hidden = torch.randn([2, 4, 3]).requires_grad_(true);
        var weight = torch.randn([5, 3]).requires_grad_(true);
        var ids = torch.zeros([2, 4], ScalarType.Int64);
        var (logp, _) = TokenLogProbs.Compute(hidden, weight, ids, torch.zeros([2, 3], ScalarType.Bool));
        logp.sum().backward();
        Assert.Equal(0f, logp.abs().sum().item<float>());
        Assert.Equal(0f, hidden.grad!.abs().sum().item<float>());
    }
}
