using static TorchSharp.torch;

namespace G2rl.Model;

/// <summary>A LoRA model seen with its adapters off: the frozen base, used as the KL reference without a second copy of the weights.</summary>
internal sealed class LoraBaseModel(Qwen3ForCausalLM model, LoraAdapters adapters) : ICausalLm
{
    public Qwen3Config Config => model.Config;

    public Device Device => model.Device;

    public ScalarType DType => model.DType;

    public Tensor LmHeadWeight => model.LmHeadWeight;

    public Tensor Hidden(Tensor inputIds, Tensor positionIds, Tensor mask, KvCache? cache = null, long cacheStart = 0)
    {
        using var off = adapters.Disable();
        return model.Hidden(inputIds, positionIds, mask, cache, cacheStart);
    }

    public Tensor Logits(Tensor hidden) => model.Logits(hidden);
}
