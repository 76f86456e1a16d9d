namespace G2rl.Rl;

/// <summary>How group rewards become advantages (one switch: <see cref="Advantages.Compute(TorchSharp.torch.Tensor, AdvantageEstimator, double)"/>).</summary>
public enum AdvantageEstimator
{
    /// <summary>GRPO (Shao et al. 2024; G2RL paper eq. 2): (r − mean) / sqrt(var + ε), population variance over the group.</summary>
    Grpo,

    /// <summary>Dr.GRPO (Liu et al. 2025, "Understanding R1-Zero-like training"): r − mean, no std division.</summary>
    DrGrpo,

    /// <summary>RLOO (Ahmadian et al. 2024): r − mean of the other G − 1 rewards = G/(G−1)·(r − mean).</summary>
    Rloo,
}
