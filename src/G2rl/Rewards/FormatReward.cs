using G2rl.Grading.Extraction;

namespace G2rl.Rewards;

/// <summary>Built-in <c>format</c>: 1 when the response contains a complete, non-empty <c>\boxed{…}</c> (or <c>\fbox{…}</c>, braces matched), else 0.</summary>
public sealed class FormatReward : IRewardFunction
{
    /// <summary>The registry name.</summary>
    public const string RewardName = "format";

    public string Name => RewardName;

    public RewardScore Score(RewardInput input) => new(BoxedExtractor.LastBoxed(input.Text) is null ? 0.0 : 1.0);
}
