using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Rl;

/// <summary>
/// Selective-token policy gradient: only the high-entropy "forking" tokens enter the policy loss ("Beyond the 80/20 Rule:
/// High-Entropy Minority Tokens Drive Effective RL for LLM Reasoning", Wang et al. 2025, arXiv 2506.01939; the paper keeps ρ = 20 %).
/// </summary>
public static class EntropyQuantileMask
{
    /// <summary>
    /// entropy [B, T] float32, response mask [B, T] → mask [B, T] float32 that is 1 on the response tokens whose entropy is at
    /// least τ, the k-th largest entropy among all response tokens of the batch, k = max(1, ⌈ρ·n⌉) with n response tokens
    /// (ties at τ are all kept). ρ ≥ 1 keeps every response token; a batch without response tokens gives zeros.
    /// Deviation from TRL (<c>top_entropy_quantile</c>, which interpolates torch.quantile over each micro-batch): the threshold is an
    /// order statistic over the whole step, so it does not depend on how the step is cut into micro-batches.
    /// </summary>
    public static Tensor Compute(Tensor entropy, Tensor mask, double rho)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(rho);
        using var scope = NewDisposeScope();
        var m = mask.to(ScalarType.Float32);
        var selected = entropy.to(ScalarType.Float32).masked_select(m.gt(0));
        var n = selected.numel();
        if (n == 0 || rho >= 1)
        {
            return m.MoveToOuterDisposeScope();
        }
        var k = Math.Max(1, (long)Math.Ceiling(rho * n));
        var threshold = selected.topk((int)k).values.min();
        var keep = entropy.to(ScalarType.Float32).ge(threshold).to(ScalarType.Float32) * m;
        return keep.MoveToOuterDisposeScope();
    }
}
