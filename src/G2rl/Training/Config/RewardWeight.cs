namespace G2rl.Training.Config;

/// <summary>One entry of the top-level <c>rewards</c> list: a registered reward function and its weight in the base reward.</summary>
public sealed record RewardWeight
{
    /// <summary>Registry name: verifier, format, length, or a name registered from code (<see cref="Rewards.RewardRegistry"/>).</summary>
    public string Name { get; init; } = "";

    /// <summary>Weight w in base reward = Σ w · score (may be negative).</summary>
    public double Weight { get; init; } = 1.0;
}
