namespace G2rl.Rl;

/// <summary>The level of the PPO importance ratio (one switch: <see cref="SequenceImportance.LogRatio"/>).</summary>
public enum ImportanceSampling
{
    /// <summary>Per token: ρ_t = π_θ(y_t) / π_old(y_t) (PPO, GRPO).</summary>
    Token,

    /// <summary>
    /// Per sequence: s_i = exp(mean_t log(π_θ(y_t) / π_old(y_t))), the length-normalised sequence likelihood ratio, clipped at the
    /// sequence level (GSPO, Zheng et al. 2025, arXiv 2507.18071).
    /// </summary>
    Sequence,
}
