namespace G2rl.Exploration;

/// <summary>The two readings of the paper's eq. 12 (see docs/g2rl-method.md §4).</summary>
public enum ShapingMode
{
    /// <summary>As printed: f = 1 + λ·r·ν̄; with r = ±1, r̃ = r + λ·ν̄ (novel correct boosted, novel incorrect penalised less).</summary>
    Printed,

    /// <summary>As described in the prose: f = 1 + λ·(2ν̄ − 1), r̃ = r·f (novel incorrect penalised more, redundant correct damped).</summary>
    Prose,
}
