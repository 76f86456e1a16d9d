namespace G2rl.Evaluation;

/// <summary>
/// How many RL seeds per method a two-sample comparison of seed means needs to detect a difference δ (two-sided α = 0.05,
/// power 0.8, normal approximation): n = ⌈(z₀.₉₇₅ + z₀.₈)² · (s_a² + s_b²) / δ²⌉ with z₀.₉₇₅ = 1.959964, z₀.₈ = 0.841621,
/// s_a and s_b the observed seed-level standard deviations. Optimistic for small n (a t-test needs a little more).
/// </summary>
public static class SeedPower
{
    /// <summary>z₀.₉₇₅ + z₀.₈.</summary>
    public const double ZSum = 1.959964 + 0.841621;

    /// <summary>Seeds per method (at least 2), or null when either SD is unknown (fewer than 2 seeds).</summary>
    public static int? SeedsFor(double? sdA, double? sdB, double delta)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(delta);
        if (sdA is not { } a || sdB is not { } b)
        {
            return null;
        }
        var n = Math.Ceiling(ZSum * ZSum * ((a * a) + (b * b)) / (delta * delta));
        return (int)Math.Max(2, Math.Min(n, int.MaxValue));
    }
}
