using G2rl.Rl;
using G2rl.Training.Config;

namespace G2rl.Rewards;

/// <summary>
/// The base reward of a run: Σ_k w_k · score_k over the config's <c>rewards</c> list, plus DAPO's overlong penalty when
/// reward.overlong_buffer is set. The breakdown holds each function's unweighted score under its name, its own breakdown under
/// name/key, and the overlong term under <c>overlong</c>.
/// </summary>
public sealed class WeightedReward
{
    private readonly (IRewardFunction Function, double Weight)[] terms;
    private readonly OverlongBufferSection? overlong;
    private readonly int maxNewTokens;

    public WeightedReward(IReadOnlyList<(IRewardFunction Function, double Weight)> terms, OverlongBufferSection? overlong = null, int maxNewTokens = 0)
    {
        this.terms = [.. terms];
        this.overlong = overlong;
        this.maxNewTokens = maxNewTokens;
    }

    /// <summary>The terms of <paramref name="config"/> resolved against <paramref name="registry"/> (unknown names: an error naming rewards[i].name).</summary>
    public static WeightedReward FromConfig(TrainConfig config, RewardRegistry registry) =>
        new([.. config.Rewards.Select((r, i) => (registry.Create(r.Name, config, $"rewards[{i}].name"), r.Weight))],
            config.Reward.OverlongBuffer, config.Rollout.MaxNewTokens);

    /// <summary>Names of the weighted functions, in config order.</summary>
    public IReadOnlyList<string> Names => [.. terms.Select(t => t.Function.Name)];

    /// <summary>Scores one response.</summary>
    public WeightedScore Score(RewardInput input)
    {
        double verifier = 0, other = 0;
        var breakdown = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (function, weight) in terms)
        {
            var score = function.Score(input);
            breakdown[function.Name] = score.Value;
            foreach (var (key, value) in score.Breakdown ?? new Dictionary<string, double>())
            {
                breakdown[$"{function.Name}/{key}"] = value;
            }
            if (function is VerifierReward)
            {
                verifier += weight * score.Value;
            }
            else
            {
                other += weight * score.Value;
            }
        }
        if (overlong is { } buffer)
        {
            var penalty = OverlongPenalty.Of(input.Tokens.Count, maxNewTokens, buffer.Length, buffer.Penalty);
            breakdown["overlong"] = penalty;
            other += penalty;
        }
        return new WeightedScore(verifier, other, breakdown);
    }
}
