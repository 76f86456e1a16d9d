using G2rl.Model;

namespace G2rl.Planning;

/// <summary>What the memory plan needs to know about a run (built from a train config by <see cref="PlanInputsBuilder"/>).</summary>
public sealed record PlanInputs
{
    /// <summary>The model shape (config.json only).</summary>
    public required Qwen3Config Model { get; init; }

    /// <summary>Bytes per element of the model (compute) dtype: 4, or 2 for bfloat16/float16.</summary>
    public required int DTypeBytes { get; init; }

    /// <summary>True for bfloat16/float16: float32 master weights are kept next to the low-precision copy.</summary>
    public bool MixedPrecision => DTypeBytes < 4;

    /// <summary>A frozen reference model is held (loss.kl_coef &gt; 0).</summary>
    public bool Reference { get; init; }

    /// <summary>
    /// Parameters with optimizer state (master copy, gradients, AdamW moments). Null = every parameter (full fine-tuning).
    /// Extension point for LoRA: a model.lora section sets this to the adapter parameter count and adds the adapters to
    /// <see cref="ExtraParameters"/>; frozen base weights then cost their weight bytes only.
    /// </summary>
    public long? TrainableParameters { get; init; }

    /// <summary>Parameters beyond the base model (LoRA adapters: float32, their own master weights); 0 without model.lora.</summary>
    public long ExtraParameters { get; init; }

    /// <summary>model.lora is set: only the adapters train, the base is frozen and the KL reference is the base with adapters off.</summary>
    public bool Lora { get; init; }

    /// <summary>Rollout rows per step (prompts_per_step × group_size): no point in more slots.</summary>
    public required int RowsPerStep { get; init; }

    /// <summary>Longest prompt in tokens.</summary>
    public required int PromptTokens { get; init; }

    /// <summary>rollout.max_new_tokens.</summary>
    public required int MaxNewTokens { get; init; }

    /// <summary>batch.gradient_checkpointing.</summary>
    public bool GradientCheckpointing { get; init; }

    /// <summary>batch.logprob_chunk.</summary>
    public int LogprobChunk { get; init; } = 1024;

    /// <summary>G2RL's feature accumulator [rows, V] float32 is held during the log-prob pass.</summary>
    public bool GradientFeatures { get; init; }

    /// <summary>A row's KV capacity and the longest training row: prompt + max_new_tokens.</summary>
    public long RowTokens => (long)PromptTokens + MaxNewTokens;

    /// <summary>Total parameters of the model plus extras.</summary>
    public long Parameters => Model.ParameterCount() + ExtraParameters;
}
