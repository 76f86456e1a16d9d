namespace G2rl.Rl;

/// <summary>Per-token estimators of KL(π_θ ‖ π_ref) from log-probabilities of the sampled tokens (Schulman, "Approximating KL divergence", 2020).</summary>
public enum KlEstimator
{
    /// <summary>k1 = log π_θ − log π_ref (unbiased, high variance, can be negative).</summary>
    K1,

    /// <summary>k2 = ½ (log π_θ − log π_ref)² (biased, low variance).</summary>
    K2,

    /// <summary>k3 = exp(q) − q − 1 with q = log π_ref − log π_θ, clamped to [−10, 10] (verl's "low_var_kl"; the paper's choice).</summary>
    K3,
}
