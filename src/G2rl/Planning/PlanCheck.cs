using System.Globalization;
using G2rl.Training.Config;

namespace G2rl.Planning;

/// <summary>What <c>g2rl train</c> does with a plan: refuse one that does not fit (naming the key to change) and resolve <c>auto</c>.</summary>
public static class PlanCheck
{
    /// <summary>Throws a <see cref="G2rlException"/> with one line naming the setting to change when the plan does not fit.</summary>
    public static void EnsureFits(MemoryPlan plan, TrainConfig config)
    {
        if (plan.Fits)
        {
            return;
        }
        var s = plan.Inputs;
        var budget = plan.Device.Bytes;
        var head = $"memory plan: peak {Gb(plan.Peak)} exceeds the budget {Gb(budget)} ({plan.Device.Source}, minus reserve; see `g2rl plan`)";
        if (plan.Persistent.Total > budget)
        {
            throw new G2rlException($"{head}: the persistent training state alone is {Gb(plan.Persistent.Total)}; use model.dtype bfloat16, loss.kl_coef 0 (no reference model) or a smaller model");
        }
        if (plan.Persistent.Total + plan.Rollout.Total > budget)
        {
            throw new G2rlException(plan.LargestMaxNumSeqs > 0
                ? $"{head}: the rollout's KV cache at rollout.max_num_seqs = {plan.MaxNumSeqs} does not fit; set rollout.max_num_seqs to at most {plan.LargestMaxNumSeqs} (or auto)"
                : $"{head}: not even one rollout row of {s.RowTokens} tokens fits; lower rollout.max_new_tokens");
        }
        var fix = plan.LargestMaxTokensPerMicroBatch > 0
            ? $"set batch.max_tokens_per_micro_batch to at most {plan.LargestMaxTokensPerMicroBatch} (or auto)"
            : s.GradientCheckpointing
                ? $"not even one row of {s.RowTokens} tokens fits with checkpointing; lower rollout.max_new_tokens"
                : $"not even one row of {s.RowTokens} tokens fits; set batch.gradient_checkpointing: true (or lower rollout.max_new_tokens)";
        throw new G2rlException($"{head}: the update of a micro-batch of {plan.MaxTokensPerMicroBatch} tokens does not fit; {fix}");
    }

    /// <summary>The config with <c>auto</c> replaced by the plan's values (explicit values are kept).</summary>
    public static TrainConfig Resolve(TrainConfig config, MemoryPlan plan) => config with
    {
        Rollout = config.Rollout with { MaxNumSeqs = new AutoCount(config.Rollout.MaxNumSeqs.Value ?? plan.MaxNumSeqs) },
        Batch = config.Batch with { MaxTokensPerMicroBatch = new AutoCount(config.Batch.MaxTokensPerMicroBatch.Value ?? checked((int)plan.MaxTokensPerMicroBatch)) },
    };

    private static string Gb(long bytes) => bytes >= 1e9
        ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e9:F2} GB")
        : string.Create(CultureInfo.InvariantCulture, $"{bytes / 1e6:F3} MB");
}
