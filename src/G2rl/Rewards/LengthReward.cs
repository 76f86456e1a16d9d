namespace G2rl.Rewards;

/// <summary>Built-in <c>length</c>: −|y| / rollout.max_new_tokens ∈ [−1, 0], a linear pressure towards shorter responses (give it a small weight).</summary>
public sealed class LengthReward(int maxNewTokens) : IRewardFunction
{
    /// <summary>The registry name.</summary>
    public const string RewardName = "length";

    public string Name => RewardName;

    public RewardScore Score(RewardInput input) => new(-input.Tokens.Count / (double)Math.Max(1, maxNewTokens));
}
