using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Rl;

/// <summary>Group-relative advantages: one value per response, broadcast over its tokens by the loss.</summary>
public static class Advantages
{
    /// <summary>
    /// rewards [P, G] float32 (P prompts × G responses) → advantages [P, G] float32.
    /// Grpo: (r − mean_g) / sqrt(var_g + ε) with the population variance (G2RL eq. 2; verl divides by the unbiased std + ε
    /// instead — a deviation of scale only). DrGrpo: r − mean_g. Rloo: r − mean of the others (needs G ≥ 2).
    /// A group whose rewards are all equal gets zero advantages under every estimator.
    /// </summary>
    public static Tensor Compute(Tensor rewards, AdvantageEstimator estimator, double epsilon = 1e-6)
    {
        using var scope = NewDisposeScope();
        var r = rewards.to(ScalarType.Float32);
        var g = r.shape[1];
        var centered = r - r.mean([1], keepdim: true);
        var result = estimator switch
        {
            AdvantageEstimator.Grpo => centered / (centered.pow(2).mean([1], keepdim: true) + epsilon).sqrt(),
            AdvantageEstimator.DrGrpo => centered,
            AdvantageEstimator.Rloo => g < 2 ? throw new ArgumentException("RLOO needs at least 2 responses per group") : centered * (g / (double)(g - 1)),
            _ => throw new ArgumentOutOfRangeException(nameof(estimator)),
        };
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// rewards [P, G] float32 → advantages [P, G] float32: the estimator's centring (Grpo and DrGrpo: r − mean_g; Rloo: r − mean of
    /// the others) divided as <paramref name="scaling"/> says: Group: sqrt(var_g + ε) (population variance of the group), Batch:
    /// sqrt(var + ε) of all P·G rewards (2508.08221), None: 1. (Grpo, Group) and (DrGrpo, None) equal the two-argument form.
    /// </summary>
    public static Tensor Compute(Tensor rewards, AdvantageEstimator estimator, RewardScaling scaling, double epsilon = 1e-6)
    {
        using var scope = NewDisposeScope();
        var r = rewards.to(ScalarType.Float32);
        var centered = estimator == AdvantageEstimator.Grpo ? Compute(r, AdvantageEstimator.DrGrpo) : Compute(r, estimator);
        var result = scaling switch
        {
            RewardScaling.Group => centered / ((r - r.mean([1], keepdim: true)).pow(2).mean([1], keepdim: true) + epsilon).sqrt(),
            RewardScaling.Batch => centered / ((r - r.mean()).pow(2).mean() + epsilon).sqrt(),
            RewardScaling.None => centered,
            _ => throw new ArgumentOutOfRangeException(nameof(scaling)),
        };
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>The same as <see cref="Compute(Tensor, AdvantageEstimator, double)"/> with plain loops over groups (the slow reference for tests).</summary>
    public static float[][] ComputeLoop(float[][] rewards, AdvantageEstimator estimator, double epsilon = 1e-6)
    {
        var result = new float[rewards.Length][];
        for (var p = 0; p < rewards.Length; p++)
        {
            var group = rewards[p];
            var n = group.Length;
            result[p] = new float[n];
            for (var i = 0; i < n; i++)
            {
                double mean = 0, others = 0, variance = 0;
                for (var j = 0; j < n; j++)
                {
                    mean += group[j] / (double)n;
                    others += j == i ? 0 : group[j] / (double)(n - 1);
                }
                for (var j = 0; j < n; j++)
                {
                    variance += (group[j] - mean) * (group[j] - mean) / n;
                }
                result[p][i] = (float)(estimator switch
                {
                    AdvantageEstimator.Grpo => (group[i] - mean) / Math.Sqrt(variance + epsilon),
                    AdvantageEstimator.DrGrpo => group[i] - mean,
                    _ => group[i] - others,
                });
            }
        }
        return result;
    }
}
