namespace G2rl.Training.Config;

/// <summary>Rewards, advantages and the PPO-clip + KL objective.</summary>
public sealed record LossSection
{
    /// <summary>grpo (paper eq. 2), dr_grpo or rloo.</summary>
    public string Advantage { get; init; } = "grpo";

    /// <summary>ε in the GRPO standardisation.</summary>
    public double AdvantageEps { get; init; } = 1e-6;

    /// <summary>Reward values for correct / incorrect: pm1 (±1, the paper) or binary (1 / 0).</summary>
    public string RewardMap { get; init; } = "pm1";

    /// <summary>Lower PPO clip ε_low.</summary>
    public double ClipLow { get; init; } = 0.2;

    /// <summary>Upper PPO clip ε_high (DAPO clip-higher uses 0.28).</summary>
    public double ClipHigh { get; init; } = 0.2;

    /// <summary>Dual-clip constant c &gt; 1 for negative advantages; null disables.</summary>
    public double? DualClip { get; init; }

    /// <summary>β of the KL loss (0.001); 0 skips the reference model entirely.</summary>
    public double KlCoef { get; init; } = 0.001;

    /// <summary>k1, k2 or k3 (the paper's low-variance k3).</summary>
    public string KlEstimator { get; init; } = "k3";

    /// <summary>token_mean, seq_mean_token_mean or seq_mean_token_sum_norm (Dr.GRPO, L = max_new_tokens).</summary>
    public string Aggregation { get; init; } = "token_mean";

    /// <summary>
    /// What the centred rewards are divided by: group (the group's std), batch (the std of all rewards of the step; group mean,
    /// batch std: Liu et al. 2025, arXiv 2508.08221) or none (Dr.GRPO, arXiv 2503.20783). null (default) = implied by
    /// <see cref="Advantage"/>: grpo → group, dr_grpo and rloo → none. advantage: dr_grpo only allows none.
    /// </summary>
    public string? ScaleRewards { get; init; }

    /// <summary>Truncated responses (finish reason length) get no policy loss and leave its normaliser (DAPO overlong filtering, arXiv 2503.14476). Off by default.</summary>
    public bool MaskTruncated { get; init; }

    /// <summary>
    /// token (PPO/GRPO per-token ratio, default) or sequence (GSPO, Zheng et al. 2025, arXiv 2507.18071: s = exp(mean token
    /// log-ratio) clipped per sequence; GSPO uses much smaller clip ranges, e.g. 3e-4 / 4e-4, and sequence-level aggregation).
    /// </summary>
    public string ImportanceSampling { get; init; } = "token";

    /// <summary>
    /// ρ in (0, 1]: only the top-ρ response tokens of the step by π_old entropy enter the policy loss (Wang et al. 2025, arXiv
    /// 2506.01939, which uses 0.2); KL and entropy terms still see every token. 1 (default) = off.
    /// </summary>
    public double TopEntropyQuantile { get; init; } = 1.0;
}
