namespace G2rl.Training.Config;

/// <summary>Sampling of the training rollouts.</summary>
public sealed record RolloutSection
{
    /// <summary>Responses per prompt (m in the paper; 16).</summary>
    public int GroupSize { get; init; } = 16;

    /// <summary>Prompts per training step (16).</summary>
    public int PromptsPerStep { get; init; } = 16;

    /// <summary>Rollout temperature T (1.0). Also the temperature of the policy/old/ref log-probs and of the G2RL features.</summary>
    public double Temperature { get; init; } = 1.0;

    /// <summary>Nucleus mass (1.0 in the paper's training).</summary>
    public double TopP { get; init; } = 1.0;

    /// <summary>Top-k (0 = off).</summary>
    public int TopK { get; init; }

    /// <summary>Response length limit (the paper: 8k for 1.7B, 12k for 4B). Truncated responses count as incorrect unless they contain a verifiable answer.</summary>
    public int MaxNewTokens { get; init; } = 8192;

    /// <summary>
    /// Where log π_old comes from: recompute (default; one no-grad forward of the behaviour policy at temperature T, the same
    /// computation path as the loss, so the first PPO ratio is exactly 1) or sampler (the sampler's own log-probs; only valid
    /// with top_p = 1 and top_k = 0, and it skips one forward). Both agree to float precision (tested).
    /// </summary>
    public string OldLogprobs { get; init; } = "recompute";

    /// <summary>
    /// Rows decoded at once by the continuous-batching sampler (a finished row's slot is refilled at once), so rollout KV memory is
    /// max_num_seqs × (prompt + max_new_tokens) tokens whatever the step's row count. <c>auto</c> (default): the largest that the memory
    /// plan fits (docs/scale.md). Results do not depend on it (per-row random streams).
    /// </summary>
    public AutoCount MaxNumSeqs { get; init; } = AutoCount.Auto;

    /// <summary>DAPO dynamic sampling (arXiv 2503.14476): drop groups without signal and sample more prompts. null (default) = off.</summary>
    public DynamicSamplingSection? DynamicSampling { get; init; }
}
