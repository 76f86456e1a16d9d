namespace G2rl.Training.Config;

/// <summary>The exploration method: none (plain GRPO), g2rl, entropy or evol.</summary>
public sealed record ExplorationSection
{
    public string Method { get; init; } = "none";

    /// <summary>G2RL reward shaping (paper eq. 12): r̃ = clip(r·f, −clip, clip).</summary>
    public double Lambda { get; init; } = 0.5;

    /// <summary>printed (f = 1 + λ·r·ν̄, eq. 12 as printed; default) or prose (f = 1 + λ·(2ν̄ − 1)).</summary>
    public string Mode { get; init; } = "printed";

    /// <summary>Clip c of the shaped reward.</summary>
    public double Clip { get; init; } = 3.0;

    /// <summary>Token weights α_t of the sequence feature: uniform (α_t ≡ 1, the paper) or entropy (α_t = H(p_t)).</summary>
    public string Weighting { get; init; } = "uniform";

    /// <summary>Entropy-bonus coefficient c_H (loss −= c_H · mean token entropy).</summary>
    public double EntropyCoef { get; init; } = 0.001;

    /// <summary>Characters from the end of each response embedded for EVOL-RL novelty (0 = whole response).</summary>
    public int EvolTailChars { get; init; } = 1000;
}
