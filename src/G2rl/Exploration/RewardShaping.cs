namespace G2rl.Exploration;

/// <summary>G2RL reward shaping (paper §2.4–2.5, eq. 12–13): ν̄ by min–max within the group, r̃ = clip(r·f, −c, c).</summary>
public static class RewardShaping
{
    /// <summary>Min–max normalisation within the group; all-equal groups (spread ≤ 1e-12) get 0 (no shaping).</summary>
    public static double[] MinMax(IReadOnlyList<double> nu)
    {
        var min = nu.Min();
        var max = nu.Max();
        return max - min <= 1e-12 ? [.. nu.Select(_ => 0.0)] : [.. nu.Select(v => (v - min) / (max - min))];
    }

    /// <summary>The factor f of one response.</summary>
    public static double Factor(double reward, double nuBar, double lambda, ShapingMode mode) => mode switch
    {
        ShapingMode.Printed => 1 + (lambda * reward * nuBar),
        ShapingMode.Prose => 1 + (lambda * ((2 * nuBar) - 1)),
        _ => throw new ArgumentOutOfRangeException(nameof(mode)),
    };

    /// <summary>Shaped rewards of a group: clip(r_i · f_i, −c, c).</summary>
    public static double[] Shape(IReadOnlyList<double> rewards, IReadOnlyList<double> nuBar, double lambda, ShapingMode mode, double clip) =>
        [.. rewards.Select((r, i) => Math.Clamp(r * Factor(r, nuBar[i], lambda, mode), -clip, clip))];
}
