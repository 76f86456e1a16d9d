using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Rl;

/// <summary>The KL loss term of GRPO (paper §2.1: β·KL(π_θ ‖ π_ref) as a loss, β = 0.001).</summary>
public static class KlPenalty
{
    /// <summary>Per-token KL estimate [B, T] float32 from log π_θ and log π_ref [B, T] (differentiable in log π_θ).</summary>
    public static Tensor PerToken(Tensor logProbs, Tensor refLogProbs, KlEstimator estimator)
    {
        using var scope = NewDisposeScope();
        var logRatio = logProbs - refLogProbs; // log π_θ − log π_ref
        var result = estimator switch
        {
            KlEstimator.K1 => logRatio,
            KlEstimator.K2 => 0.5 * logRatio.pow(2),
            KlEstimator.K3 => ((-logRatio).exp() + logRatio - 1).clamp(-10, 10),
            _ => throw new ArgumentOutOfRangeException(nameof(estimator)),
        };
        return result.MoveToOuterDisposeScope();
    }
}
