namespace G2rl.Exploration;

/// <summary>Token weights α_t of the sequence feature Φ = Σ_t α̃_t φ_t (paper eq. 8, α̃ = α / Σα).</summary>
public enum FeatureWeighting
{
    /// <summary>α_t ≡ 1: Φ is the mean of φ_t over response tokens (the paper's default).</summary>
    Uniform,

    /// <summary>α_t = H(p_t), the entropy of the token distribution: uncertain decisions weigh more.</summary>
    Entropy,
}
