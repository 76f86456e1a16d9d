using G2rl.Rl;
using G2rl.Training.Config;

namespace G2rl.Training;

/// <summary>The algorithm choices of a config as enums, parsed in exactly one place.</summary>
public sealed record TrainingOptions(AdvantageEstimator Advantage, KlEstimator Kl, LossAggregation Aggregation, ScheduleKind Schedule, bool RecomputeOldLogProbs)
{
    public static TrainingOptions From(TrainConfig c) => new(
        c.Loss.Advantage switch { "dr_grpo" => AdvantageEstimator.DrGrpo, "rloo" => AdvantageEstimator.Rloo, _ => AdvantageEstimator.Grpo },
        c.Loss.KlEstimator switch { "k1" => KlEstimator.K1, "k2" => KlEstimator.K2, _ => KlEstimator.K3 },
        c.Loss.Aggregation switch { "seq_mean_token_mean" => LossAggregation.SeqMeanTokenMean, "seq_mean_token_sum_norm" => LossAggregation.SeqMeanTokenSumNorm, _ => LossAggregation.TokenMean },
        c.Optim.Schedule == "cosine" ? ScheduleKind.Cosine : ScheduleKind.Constant,
        c.Rollout.OldLogprobs != "sampler");
}
