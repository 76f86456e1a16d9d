using System.Text.Json.Nodes;

namespace G2rl.Planning;

/// <summary>The JSON form of a <see cref="MemoryPlan"/> that <c>g2rl plan</c> prints (all sizes in bytes).</summary>
public static class PlanJson
{
    /// <summary>{model, assumptions, persistent, rollout, update, peak, device_memory, budget, fits, max_num_seqs, max_tokens_per_micro_batch, largest}.</summary>
    public static JsonObject Of(MemoryPlan plan, string promptSource)
    {
        var s = plan.Inputs;
        var update = Phase(plan.Update);
        update["activations_without_checkpointing"] = plan.ActivationsWithoutCheckpointing;
        update["activations_with_checkpointing"] = plan.ActivationsWithCheckpointing;
        var rollout = Phase(plan.Rollout);
        rollout["kv_bytes_per_token"] = MemoryFormulas.KvBytesPerToken(s.Model, s.DTypeBytes);
        return new JsonObject
        {
            ["model"] = new JsonObject
            {
                ["shape"] = s.Model.ToString(),
                ["parameters"] = s.Parameters,
                ["dtype_bytes"] = s.DTypeBytes,
                ["mixed_precision"] = s.MixedPrecision,
            },
            ["assumptions"] = new JsonObject
            {
                ["rows_per_step"] = s.RowsPerStep,
                ["prompt_tokens"] = s.PromptTokens,
                ["prompt_tokens_source"] = promptSource,
                ["max_new_tokens"] = s.MaxNewTokens,
                ["gradient_checkpointing"] = s.GradientCheckpointing,
                ["logprob_chunk"] = s.LogprobChunk,
                ["reference"] = s.Reference,
                ["g2rl_features"] = s.GradientFeatures,
            },
            ["persistent"] = Phase(plan.Persistent),
            ["rollout"] = rollout,
            ["update"] = update,
            ["peak"] = plan.Peak,
            ["peak_gb"] = Math.Round(plan.Peak / 1e9, 2),
            ["device_memory"] = plan.Device.TotalBytes,
            ["device_memory_source"] = plan.Device.Source,
            ["budget"] = plan.Device.Bytes,
            ["fits"] = plan.Fits,
            ["max_num_seqs"] = plan.MaxNumSeqs,
            ["max_tokens_per_micro_batch"] = plan.MaxTokensPerMicroBatch,
            ["largest"] = new JsonObject
            {
                ["max_num_seqs"] = plan.LargestMaxNumSeqs,
                ["max_tokens_per_micro_batch"] = plan.LargestMaxTokensPerMicroBatch,
            },
        };
    }

    private static JsonObject Phase(PhaseBytes phase)
    {
        var o = new JsonObject();
        foreach (var (name, bytes) in phase.Terms)
        {
            o[name] = bytes;
        }
        o["total"] = phase.Total;
        return o;
    }
}
