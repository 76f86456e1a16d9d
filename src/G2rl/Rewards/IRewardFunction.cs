namespace G2rl.Rewards;

/// <summary>
/// A reward function: one response → a score (and optionally a named breakdown). The base reward of a response is the weighted sum
/// of the configured functions (the top-level <c>rewards</c> list). Register your own with <see cref="RewardRegistry.Register(IRewardFunction)"/>.
/// Implementations must be deterministic and must not throw on any response text.
/// </summary>
public interface IRewardFunction
{
    /// <summary>The name the config refers to (<c>rewards: [{name: ..., weight: ...}]</c>) and the key of its metric <c>rewards/&lt;name&gt;</c>.</summary>
    string Name { get; }

    /// <summary>Scores one response.</summary>
    RewardScore Score(RewardInput input);
}
