using G2rl.Training.Config;

namespace G2rl.Planning;

/// <summary>Computes a <see cref="MemoryPlan"/> from <see cref="PlanInputs"/> (formulas: <see cref="MemoryFormulas"/>, docs/memory-plan.md).</summary>
public static class MemoryPlanner
{
    /// <summary>Plans at the given settings; <c>auto</c> takes the largest value that fits (1 slot / one row when none does).</summary>
    public static MemoryPlan Plan(PlanInputs inputs, AutoCount maxNumSeqs, AutoCount maxTokensPerMicroBatch, DeviceBudget device)
    {
        var persistent = Persistent(inputs);
        var free = device.Bytes - persistent.Total;
        var largestSlots = (int)Largest(1, inputs.RowsPerStep, n => Rollout(inputs, (int)n).Total <= free);
        var stepTokens = inputs.RowsPerStep * inputs.RowTokens;
        var largestTokens = Largest(inputs.RowTokens, stepTokens, t => Update(inputs, t).Total <= free);
        var slots = Math.Min(maxNumSeqs.Value ?? Math.Max(largestSlots, 1), inputs.RowsPerStep);
        var tokens = Math.Clamp(maxTokensPerMicroBatch.Value ?? Math.Max(largestTokens, inputs.RowTokens), inputs.RowTokens, stepTokens);
        return new MemoryPlan
        {
            Inputs = inputs,
            Device = device,
            Persistent = persistent,
            Rollout = Rollout(inputs, slots),
            Update = Update(inputs, tokens),
            ActivationsWithoutCheckpointing = tokens * MemoryFormulas.TrainBytesPerToken(inputs.Model, inputs.DTypeBytes),
            ActivationsWithCheckpointing = tokens * MemoryFormulas.CheckpointedTrainBytesPerToken(inputs.Model, inputs.DTypeBytes),
            MaxNumSeqs = slots,
            MaxTokensPerMicroBatch = tokens,
            LargestMaxNumSeqs = largestSlots,
            LargestMaxTokensPerMicroBatch = largestTokens,
        };
    }

    /// <summary>
    /// Weights (dtype), float32 master weights (mixed precision), float32 gradients, AdamW m and v (float32), the reference (dtype).
    /// With LoRA the adapters are float32 (their own master), only they have gradients and moments, and there is no reference copy.
    /// </summary>
    public static PhaseBytes Persistent(PlanInputs s)
    {
        long b = s.DTypeBytes, all = s.Parameters, trainable = s.TrainableParameters ?? all;
        return PhaseBytes.Of(
            ("weights", s.Lora ? (s.Model.ParameterCount() * b) + (s.ExtraParameters * 4) : all * b),
            ("master_weights", s.MixedPrecision && !s.Lora ? trainable * 4 : 0),
            ("grads", trainable * 4),
            ("optimizer", trainable * 8),
            ("reference", s.Reference ? s.Model.ParameterCount() * b : 0));
    }

    /// <summary>KV cache of <paramref name="slots"/> rows of prompt + max_new_tokens, [slots, V] sampling logits, prefill of every slot's prompt.</summary>
    public static PhaseBytes Rollout(PlanInputs s, int slots) => PhaseBytes.Of(
        ("kv_cache", MemoryFormulas.KvCacheBytes(s.Model, s.DTypeBytes, slots, s.RowTokens)),
        ("logits", MemoryFormulas.SamplingLogitsBytes(s.Model, s.DTypeBytes, slots)),
        ("prefill", MemoryFormulas.PrefillBytesPerToken(s.Model, s.DTypeBytes) * slots * s.PromptTokens));

    /// <summary>A micro-batch of <paramref name="tokens"/> (padded) tokens: activations as configured, LM-head chunk, the low-precision gradient copy, G2RL's [rows, V] accumulator.</summary>
    public static PhaseBytes Update(PlanInputs s, long tokens)
    {
        var perToken = s.GradientCheckpointing
            ? MemoryFormulas.CheckpointedTrainBytesPerToken(s.Model, s.DTypeBytes)
            : MemoryFormulas.TrainBytesPerToken(s.Model, s.DTypeBytes);
        var trainable = s.TrainableParameters ?? s.Parameters;
        return PhaseBytes.Of(
            ("activations", tokens * perToken),
            ("lm_head_chunk", MemoryFormulas.LmHeadChunkBytes(s.Model, s.DTypeBytes, Math.Min(s.LogprobChunk, tokens))),
            ("low_precision_grads", s.MixedPrecision && !s.Lora ? trainable * s.DTypeBytes : 0),
            ("g2rl_features", s.GradientFeatures ? (long)s.RowsPerStep * s.Model.VocabSize * 4 : 0));
    }

    /// <summary>Largest x in [lo, hi] with <paramref name="fits"/>(x), for a predicate that is true up to some point and false after; 0 when fits(lo) is false.</summary>
    public static long Largest(long lo, long hi, Func<long, bool> fits)
    {
        if (hi < lo || !fits(lo))
        {
            return 0;
        }
        while (lo < hi)
        {
            var mid = lo + ((hi - lo + 1) / 2);
            if (fits(mid))
            {
                lo = mid;
            }
            else
            {
                hi = mid - 1;
            }
        }
        return lo;
    }
}
