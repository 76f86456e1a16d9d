using G2rl.Model;

namespace G2rl.Training.Config;

/// <summary>
/// <c>model.lora</c>: train low-rank adapters only (LoRA, Hu et al. 2021, arXiv 2106.09685), in PEFT's format. The base
/// is frozen, so the KL reference is the base with the adapters off (no second copy of the weights). Checkpoints hold
/// adapter_config.json + adapter_model.safetensors, loadable by <c>peft.PeftModel.from_pretrained</c>; <c>g2rl merge</c>
/// writes a merged HF folder. Defaults: r = 16, α = 32 (TRL's LoRA recipes), dropout 0, all seven linear projections.
/// </summary>
public sealed record LoraSection
{
    /// <summary>Rank r of the adapters (≥ 1). Trainable parameters per layer: r·(in + out).</summary>
    public int Rank { get; init; } = 16;

    /// <summary>α: the update B·A is scaled by α/r (PEFT's lora_alpha).</summary>
    public double Alpha { get; init; } = 32;

    /// <summary>Dropout on the adapter input in the update forward, in [0, 1) (PEFT's lora_dropout). 0 keeps the first PPO ratio exactly 1.</summary>
    public double Dropout { get; init; }

    /// <summary>Linear layers that get adapters: any of q_proj, k_proj, v_proj, o_proj, gate_proj, up_proj, down_proj.</summary>
    public IReadOnlyList<string> Targets { get; init; } = LoraOptions.AllLinear;

    /// <summary>The model-level options.</summary>
    public LoraOptions ToOptions() => new() { Rank = Rank, Alpha = Alpha, Dropout = Dropout, Targets = Targets };
}
