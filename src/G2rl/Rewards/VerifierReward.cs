namespace G2rl.Rewards;

/// <summary>Built-in <c>verifier</c>: the verifier's verdict, 1 when correct, else −1 (loss.reward_map pm1, the paper) or 0 (binary).</summary>
public sealed class VerifierReward(bool plusMinusOne) : IRewardFunction
{
    /// <summary>The registry name.</summary>
    public const string RewardName = "verifier";

    public string Name => RewardName;

    public RewardScore Score(RewardInput input) => new(input.Grade.Correct ? 1.0 : (plusMinusOne ? -1.0 : 0.0));
}
