using G2rl.Rewards;

namespace CustomReward;

/// <summary>
/// A user's reward: the share of the response's characters that belong to the arithmetic task's answer format (digits, operators,
/// '=' and the <c>\boxed{}</c> markup), with the count of other characters as a breakdown entry.
/// </summary>
public sealed class DigitsOnlyReward : IRewardFunction
{
    private const string Allowed = "0123456789+-*()=\\boxed{}";

    public string Name => "digits_only";

    public RewardScore Score(RewardInput input)
    {
        if (input.Text.Length == 0)
        {
            return new RewardScore(0.0, new Dictionary<string, double> { ["other_chars"] = 0 });
        }
        var other = input.Text.Count(c => !Allowed.Contains(c, StringComparison.Ordinal));
        return new RewardScore(1.0 - (other / (double)input.Text.Length), new Dictionary<string, double> { ["other_chars"] = other });
    }
}
