using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Rl;

/// <summary>
/// PPO clipped surrogate (Schulman et al. 2017) with separate lower/upper clip ranges (DAPO "clip-higher", Yu et al. 2025)
/// and optional dual clip for negative advantages (Ye et al. 2020).
/// </summary>
public static class PolicyLoss
{
    /// <summary>
    /// Per-token loss [B, T] float32 and clipping indicators, from log π_θ, log π_old [B, T] and advantages [B] or [B, T].
    /// loss = max(−A·ρ, −A·clip(ρ, 1 − ε_low, 1 + ε_high)) with ρ = exp(log π_θ − log π_old); with a dual clip c &gt; 1,
    /// for A &lt; 0 the loss is further capped at −A·c. Returns (loss, clipped [B, T] bool where the clipped branch was taken).
    /// </summary>
    public static (Tensor Loss, Tensor Clipped) Compute(
        Tensor logProbs, Tensor oldLogProbs, Tensor advantages, double clipLow = 0.2, double clipHigh = 0.2, double? dualClip = null)
    {
        using var scope = NewDisposeScope();
        var (loss, clipped) = FromLogRatio(logProbs - oldLogProbs, advantages, clipLow, clipHigh, dualClip);
        return (loss.MoveToOuterDisposeScope(), clipped.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// The same objective from log-ratios [B, T] float32 (token-level, or GSPO's sequence-level ratio broadcast over the row:
    /// <see cref="SequenceImportance.LogRatio"/>) and advantages [B] or [B, T]. Returns (loss [B, T] float32, clipped [B, T] bool).
    /// </summary>
    public static (Tensor Loss, Tensor Clipped) FromLogRatio(
        Tensor logRatio, Tensor advantages, double clipLow = 0.2, double clipHigh = 0.2, double? dualClip = null)
    {
        using var scope = NewDisposeScope();
        var a = advantages.dim() == 1 ? advantages.unsqueeze(1) : advantages;
        var ratio = logRatio.exp();
        var unclipped = -a * ratio;
        var clipped = -a * ratio.clamp(1 - clipLow, 1 + clipHigh);
        var loss = torch.maximum(unclipped, clipped);
        var wasClipped = clipped.gt(unclipped);
        if (dualClip is double c)
        {
            var capped = torch.minimum(loss, -a * c);
            loss = torch.where(a.lt(0), capped, loss);
        }
        return (loss.MoveToOuterDisposeScope(), wasClipped.MoveToOuterDisposeScope());
    }
}
