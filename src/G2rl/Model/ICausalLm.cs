using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Model;

/// <summary>
/// A causal language model as the sampler, the RL code and the exploration features see it. Hidden states and
/// logits are separate so callers can project chunks of positions (V can be 151,936).
/// </summary>
public interface ICausalLm
{
    /// <summary>The architecture.</summary>
    Qwen3Config Config { get; }

    /// <summary>Device of the parameters.</summary>
    Device Device { get; }

    /// <summary>Dtype of the parameters.</summary>
    ScalarType DType { get; }

    /// <summary>
    /// Final hidden states (after the last RMSNorm) [B, T, d] for ids [B, T] int64 at positions [B, T] int64,
    /// with additive mask [B, 1, T, Tk] (see <see cref="AttentionMasks.Causal"/>). With a cache, the new keys
    /// are written at columns [cacheStart, cacheStart + T) and Tk = cacheStart + T.
    /// </summary>
    Tensor Hidden(Tensor inputIds, Tensor positionIds, Tensor mask, KvCache? cache = null, long cacheStart = 0);

    /// <summary>
    /// Final hidden states [B, T, d] for ids [B, T] int64 whose rows start at column 0 and are right-padded (positions
    /// 0 … T−1 for every row, no cache). Causal attention alone keeps the padding out of every real token's context, so no
    /// mask is needed; on real tokens this equals <see cref="Hidden"/> of the same rows left-padded with a mask. The default
    /// builds positions and a causal mask; <see cref="Qwen3ForCausalLM"/> runs SDPA with is_causal and no mask.
    /// </summary>
    Tensor HiddenCausal(Tensor inputIds)
    {
        using var scope = NewDisposeScope();
        using var all = torch.ones(inputIds.shape, ScalarType.Int64, inputIds.device);
        var hidden = Hidden(inputIds, AttentionMasks.PositionIds(all), AttentionMasks.Causal(all, 0, inputIds.shape[1], DType));
        return hidden.MoveToOuterDisposeScope();
    }

    /// <summary>LM head: hidden [..., d] → logits [..., V] in the model dtype.</summary>
    Tensor Logits(Tensor hidden);

    /// <summary>LM-head weight E [V, d] (the embedding table when tied).</summary>
    Tensor LmHeadWeight { get; }
}
