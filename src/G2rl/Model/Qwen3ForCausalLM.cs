using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Model;

/// <summary>
/// Qwen3 causal LM with HF parameter names ("model.layers.0.self_attn.q_proj.weight", "lm_head.weight"), so
/// checkpoint loading is strict with no mapping table. A tied model has no lm_head parameter and projects with
/// the embedding table. Parameters are allocated uninitialised: load a checkpoint or call <see cref="Qwen3Init"/>.
/// </summary>
public sealed class Qwen3ForCausalLM : nn.Module, ICausalLm
{
    private readonly Qwen3Model model;
    private readonly Dense? lm_head;

    public Qwen3ForCausalLM(Qwen3Config config, ScalarType dtype, Device device) : base(nameof(Qwen3ForCausalLM))
    {
        config.Validate();
        Config = config;
        DType = dtype;
        Device = device;
        model = new Qwen3Model(config, dtype, device);
        lm_head = config.TieWordEmbeddings ? null : new Dense(config.HiddenSize, config.VocabSize, false, dtype, device);
        RegisterComponents();
    }

    public Qwen3Config Config { get; }

    public Device Device { get; }

    public ScalarType DType { get; }

    /// <summary>LoRA adapters attached by <see cref="LoraAdapters.Attach"/>, or null (full fine-tuning).</summary>
    public LoraAdapters? Adapters { get; internal set; }

    /// <summary>The decoder stack.</summary>
    public Qwen3Model Backbone => model;

    public Tensor LmHeadWeight => lm_head?.Weight ?? model.EmbedTokens.Weight;

    public Tensor Hidden(Tensor inputIds, Tensor positionIds, Tensor mask, KvCache? cache = null, long cacheStart = 0) =>
        model.Forward(inputIds, positionIds, mask, cache, cacheStart);

    public Tensor HiddenCausal(Tensor inputIds)
    {
        using var scope = NewDisposeScope();
        var positions = torch.arange(inputIds.shape[1], ScalarType.Int64, inputIds.device).unsqueeze(0).expand(inputIds.shape[0], -1);
        return model.Forward(inputIds, positions, null, null, 0).MoveToOuterDisposeScope();
    }

    public Tensor Logits(Tensor hidden) => nn.functional.linear(hidden, LmHeadWeight);

    /// <summary>
    /// Convenience full forward for a (left-)padded batch: ids [B, T] int64 and attention mask [B, T] →
    /// logits [B, T, V] and, when asked, final hidden states [B, T, d].
    /// </summary>
    public (Tensor Logits, Tensor? Hidden) Forward(Tensor inputIds, Tensor attentionMask, bool returnHidden = false)
    {
        using var scope = NewDisposeScope();
        var positions = AttentionMasks.PositionIds(attentionMask);
        var mask = AttentionMasks.Causal(attentionMask, 0, inputIds.shape[1], DType);
        var hidden = Hidden(inputIds, positions, mask);
        var logits = Logits(hidden).MoveToOuterDisposeScope();
        return (logits, returnHidden ? hidden.MoveToOuterDisposeScope() : null);
    }
}
