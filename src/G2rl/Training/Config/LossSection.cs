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
}
