namespace G2rl.Training.Config;

/// <summary>Reward terms added to the weighted reward functions (the top-level <c>rewards</c> list).</summary>
public sealed record RewardSection
{
    /// <summary>
    /// DAPO's soft overlong punishment (Yu et al. 2025, arXiv 2503.14476, §3.4), added to the base reward: 0 up to
    /// max_new_tokens − length, then falling linearly to −penalty at max_new_tokens. null (default) = off.
    /// </summary>
    public OverlongBufferSection? OverlongBuffer { get; init; }
}
