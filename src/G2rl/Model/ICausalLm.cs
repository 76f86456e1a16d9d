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

    /// <summary>LM head: hidden [..., d] → logits [..., V] in the model dtype.</summary>
    Tensor Logits(Tensor hidden);

    /// <summary>LM-head weight E [V, d] (the embedding table when tied).</summary>
    Tensor LmHeadWeight { get; }
}
