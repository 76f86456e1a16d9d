namespace G2rl.Rl;

/// <summary>
/// What the centred rewards of a group are divided by (TRL's <c>scale_rewards</c>; one switch: <see cref="Advantages.Compute(TorchSharp.torch.Tensor, AdvantageEstimator, RewardScaling, double)"/>).
/// </summary>
public enum RewardScaling
{
    /// <summary>The group's population std: sqrt(var_g + ε) (GRPO, Shao et al. 2024; G2RL eq. 2).</summary>
    Group,

    /// <summary>
    /// The population std of all rewards of the step: sqrt(var_batch + ε) — group-level mean, batch-level std
    /// ("Tricks or Traps? A Deep Dive into RL for LLM Reasoning", Liu et al. 2025, arXiv 2508.08221, "Lite PPO").
    /// </summary>
    Batch,

    /// <summary>No division (Dr.GRPO, Liu et al. 2025, arXiv 2503.20783: the std term biases towards easy and hard questions).</summary>
    None,
}
