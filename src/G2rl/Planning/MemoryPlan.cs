namespace G2rl.Planning;

/// <summary>
/// A memory plan: bytes of each phase at the chosen concurrency and micro-batch size, the peak, whether it fits the
/// budget, and the largest max_num_seqs / max_tokens_per_micro_batch that fit (0 when not even the smallest does).
/// </summary>
public sealed record MemoryPlan
{
    public required PlanInputs Inputs { get; init; }

    public required DeviceBudget Device { get; init; }

    /// <summary>Weights, master weights, gradients, optimizer moments, reference: held for the whole run.</summary>
    public required PhaseBytes Persistent { get; init; }

    /// <summary>KV cache of <see cref="MaxNumSeqs"/> slots plus the sampling and prefill transients.</summary>
    public required PhaseBytes Rollout { get; init; }

    /// <summary>The update of the largest micro-batch (activations as configured, LM-head chunk, low-precision grads, G2RL features).</summary>
    public required PhaseBytes Update { get; init; }

    /// <summary>Activations of the largest micro-batch without gradient checkpointing.</summary>
    public required long ActivationsWithoutCheckpointing { get; init; }

    /// <summary>Activations of the largest micro-batch with gradient checkpointing.</summary>
    public required long ActivationsWithCheckpointing { get; init; }

    /// <summary>Slots the plan was made for (the configured value, or the largest fitting one for auto).</summary>
    public required int MaxNumSeqs { get; init; }

    /// <summary>Token budget of a micro-batch the plan was made for (configured or largest fitting for auto).</summary>
    public required long MaxTokensPerMicroBatch { get; init; }

    /// <summary>Largest max_num_seqs (≤ rows per step) with persistent + rollout ≤ budget; 0 when even 1 does not fit.</summary>
    public required int LargestMaxNumSeqs { get; init; }

    /// <summary>Largest token budget (≥ one row, ≤ the step's tokens) with persistent + update ≤ budget; 0 when one row does not fit.</summary>
    public required long LargestMaxTokensPerMicroBatch { get; init; }

    /// <summary>persistent + max(rollout, update).</summary>
    public long Peak => Persistent.Total + Math.Max(Rollout.Total, Update.Total);

    /// <summary>Peak ≤ the device budget.</summary>
    public bool Fits => Peak <= Device.Bytes;
}
