namespace G2rl.Training.Config;

/// <summary>
/// DAPO's dynamic sampling (Yu et al. 2025, arXiv 2503.14476, §3.2): groups whose base rewards carry no signal are dropped and more
/// prompts are sampled until the step has rollout.prompts_per_step groups, drawing at most <see cref="MaxBatches"/> batches.
/// </summary>
public sealed record DynamicSamplingSection
{
    /// <summary>accuracy (drop groups that are all correct or all incorrect, DAPO) or reward (drop groups whose base rewards are all equal).</summary>
    public string Metric { get; init; } = "accuracy";

    /// <summary>
    /// Most batches of prompts_per_step prompts drawn in one step (≥ 1; the first is the step's own). When they do not yield a full
    /// batch, the remaining slots are filled with dropped groups (earliest first), so every step trains on the same number of groups.
    /// </summary>
    public int MaxBatches { get; init; } = 3;
}
