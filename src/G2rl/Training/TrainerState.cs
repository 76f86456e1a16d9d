namespace G2rl.Training;

/// <summary>What a checkpoint stores besides weights and optimizer moments (trainer_state.json). Every random stream is derived from (seed, step), so no RNG state is needed.</summary>
public sealed record TrainerState
{
    /// <summary>Completed training steps.</summary>
    public int Step { get; init; }

    /// <summary>AdamW updates taken (bias correction).</summary>
    public long OptimizerSteps { get; init; }

    public long Seed { get; init; }

    /// <summary>Data order position of the next step (informational; the order is a function of seed and step).</summary>
    public long DataEpoch { get; init; }

    public long DataPosition { get; init; }

    /// <summary>Dtype RoPE inverse frequencies are rounded to (kept across resumes for bit-exactness).</summary>
    public string RopeFrequencyDtype { get; init; } = "float32";

    /// <summary>Consecutive skipped (non-finite) steps at save time, and the total.</summary>
    public int BadStepsInRow { get; init; }

    public int SkippedStepsTotal { get; init; }
}
