using G2rl.Rl;
using G2rl.Training.Config;

namespace G2rl.Training;

/// <summary>The DAPO / GSPO / selective-token choices of a config (loss.scale_rewards, importance_sampling, mask_truncated, top_entropy_quantile), parsed in one place.</summary>
public sealed record ObjectiveOptions(RewardScaling Scaling, ImportanceSampling Importance, bool MaskTruncated, double TopEntropyQuantile)
{
    /// <summary>scale_rewards null follows loss.advantage: grpo → group, dr_grpo and rloo → none (their definitions have no std term).</summary>
    public static ObjectiveOptions From(TrainConfig c) => new(
        (c.Loss.ScaleRewards ?? (c.Loss.Advantage == "grpo" ? "group" : "none")) switch { "group" => RewardScaling.Group, "batch" => RewardScaling.Batch, _ => RewardScaling.None },
        c.Loss.ImportanceSampling == "sequence" ? ImportanceSampling.Sequence : ImportanceSampling.Token,
        c.Loss.MaskTruncated,
        c.Loss.TopEntropyQuantile);

    /// <summary>True when the policy loss needs a per-token mask beyond the response mask.</summary>
    public bool MasksTokens => MaskTruncated || TopEntropyQuantile < 1;
}
