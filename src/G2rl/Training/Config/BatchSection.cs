namespace G2rl.Training.Config;

/// <summary>How a step's rollouts are split for the update.</summary>
public sealed record BatchSection
{
    /// <summary>
    /// Sequences per forward/backward (the paper: 2); gradients accumulate over micro-batches. Used while
    /// <see cref="MaxTokensPerMicroBatch"/> is <c>auto</c> and unresolved; an integer token budget replaces it.
    /// </summary>
    public int MicroBatchSize { get; init; } = 2;

    /// <summary>Passes over the step's rollouts (1 = on-policy).</summary>
    public int PpoEpochs { get; init; } = 1;

    /// <summary>Optimizer steps per epoch (the paper: 1 mini-batch).</summary>
    public int MiniBatches { get; init; } = 1;

    /// <summary>Token positions per chunk of the fused LM-head log-prob pass ([chunk, V] float32 at a time).</summary>
    public int LogprobChunk { get; init; } = 1024;

    /// <summary>Recompute each decoder layer in the backward pass instead of storing its activations (saves memory on long responses, costs one extra forward).</summary>
    public bool GradientCheckpointing { get; init; }

    /// <summary>
    /// Token budget of one micro-batch (rows grouped by length; padded rows × width ≤ budget, at least one row). <c>auto</c> (default): the
    /// largest the memory plan fits (until a plan resolves it: <see cref="MicroBatchSize"/> rows). An integer replaces
    /// micro_batch_size in the log-prob and update passes (docs/training.md). The loss normalisation over the mini-batch does not depend on it.
    /// </summary>
    public AutoCount MaxTokensPerMicroBatch { get; init; } = AutoCount.Auto;
}
