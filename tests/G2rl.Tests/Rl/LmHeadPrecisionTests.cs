using G2rl.Rl;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Rl;

/// <summary>
/// With bf16 hidden states and LM head the fused backward runs its GEMMs in bf16 (float32 accumulation): its gradients match
/// float64 autograd over the same (bf16-valued) inputs to bf16 precision, across many chunks.
/// </summary>
public sealed class LmHeadPrecisionTests
{
    [Fact]
    public void Bfloat16GradientsMatchFloat64Autograd()
    {
        using var scope = NewDisposeScope();
        var gen = new Generator(23);
        long b = 4, t = 33, d = 16, v = 50;
        var h16 = (torch.randn([b, t, d], generator: gen) * 0.5).to(ScalarType.BFloat16);
        var e16 = (torch.randn([v, d], generator: gen) * 0.5).to(ScalarType.BFloat16);
        var ids = torch.randint(0, v, [b, t], generator: gen);
        var mask = torch.ones(b, t - 1);
        var weights = torch.randn([b, t - 1], generator: gen);

        var hidden = h16.detach().requires_grad_(true);
        var weight = e16.detach().requires_grad_(true);
        var (logp, _) = TokenLogProbs.Compute(hidden, weight, ids, mask, 1.0, chunkSize: 5);
        (logp * weights).sum().backward();
        Assert.Equal(ScalarType.BFloat16, weight.grad!.dtype);
        Assert.Equal(ScalarType.BFloat16, hidden.grad!.dtype);

        var h64 = h16.to(ScalarType.Float64).requires_grad_(true);
        var e64 = e16.to(ScalarType.Float64).requires_grad_(true);
        var refLogp = h64.narrow(1, 0, t - 1).matmul(e64.t()).log_softmax(-1).gather(2, ids.narrow(1, 1, t - 1).unsqueeze(2)).squeeze(2);
        (refLogp * weights.to(ScalarType.Float64)).sum().backward();

        static double Relative(Tensor got, Tensor want) =>
            ((got.to(ScalarType.Float64) - want).norm() / want.norm()).item<double>();
        // The forward's logits are a bf16 GEMM's output (rounded to bf16, then float32): |Δ log p| is a few bf16 ulps of |z| ≈ 4 (measured 8e-3; ∂E, ∂h 3e-3 relative).
        var logpDiff = (logp.to(ScalarType.Float64) - refLogp).abs().max().item<double>();
        Assert.True(logpDiff < 0.03, $"log-probs differ by {logpDiff}");
        Assert.True(Relative(weight.grad!, e64.grad!) < 1e-2, $"∂E relative error {Relative(weight.grad!, e64.grad!)}");
        Assert.True(Relative(hidden.grad!, h64.grad!) < 1e-2, $"∂h relative error {Relative(hidden.grad!, h64.grad!)}");
    }
}
