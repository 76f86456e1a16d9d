using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Model;

/// <summary>
/// Grouped-query self-attention with per-head RMSNorm on queries and keys (Qwen3), RoPE, and an optional
/// external <see cref="KvCache"/>: masked (decode, left-padded prompts) or causal-only (training passes on right-padded rows).
/// </summary>
public sealed class Qwen3Attention : nn.Module
{
    private readonly Dense q_proj;
    private readonly Dense k_proj;
    private readonly Dense v_proj;
    private readonly Dense o_proj;
    private readonly RmsNorm q_norm;
    private readonly RmsNorm k_norm;
    private readonly int heads;
    private readonly int kvHeads;
    private readonly int headDim;
    private readonly int layerIndex;

    public Qwen3Attention(Qwen3Config c, int layerIndex, ScalarType dtype, Device device) : base(nameof(Qwen3Attention))
    {
        heads = c.NumAttentionHeads;
        kvHeads = c.NumKeyValueHeads;
        headDim = c.HeadDim;
        this.layerIndex = layerIndex;
        q_proj = new Dense(c.HiddenSize, heads * headDim, c.AttentionBias, dtype, device);
        k_proj = new Dense(c.HiddenSize, kvHeads * headDim, c.AttentionBias, dtype, device);
        v_proj = new Dense(c.HiddenSize, kvHeads * headDim, c.AttentionBias, dtype, device);
        o_proj = new Dense(heads * headDim, c.HiddenSize, c.AttentionBias, dtype, device);
        q_norm = new RmsNorm(headDim, c.RmsNormEps, dtype, device);
        k_norm = new RmsNorm(headDim, c.RmsNormEps, dtype, device);
        RegisterComponents();
    }

    /// <summary>
    /// x [B, T, d]; cos/sin [B, 1, T, D]; mask [B, 1, T, Tk] additive (0 or a large negative), where Tk = T
    /// without a cache or cacheStart + T with one. A null mask (no cache) means causal attention only, for rows that
    /// start at column 0 and are right-padded: SDPA runs with is_causal and no mask, which lets CUDA pick FlashAttention.
    /// Returns [B, T, d].
    /// </summary>
    public Tensor Forward(Tensor x, Tensor cos, Tensor sin, Tensor? mask, KvCache? cache, long cacheStart)
    {
        using var scope = NewDisposeScope();
        long b = x.shape[0], t = x.shape[1];
        var q = q_norm.forward(q_proj.forward(x).view(b, t, heads, headDim)).transpose(1, 2);
        var k = k_norm.forward(k_proj.forward(x).view(b, t, kvHeads, headDim)).transpose(1, 2);
        var v = v_proj.forward(x).view(b, t, kvHeads, headDim).transpose(1, 2);
        q = Rope.Apply(q, cos, sin);
        k = Rope.Apply(k, cos, sin);
        if (cache is not null)
        {
            (k, v) = cache.Append(layerIndex, k, v, cacheStart);
        }
        var o = mask is null ? CausalAttention(q, k, v) : MaskedAttention(q, k, v, mask);
        return o_proj.forward(o).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// SDPA with is_causal on q [B, H, T, D] and k, v [B, Hkv, T, D] → [B, T, H·D]. TorchSharp's SDPA has no enable_gqa,
    /// so K/V are repeated to H heads (head h uses KV head h / group, as transformers' repeat_kv).
    /// </summary>
    private Tensor CausalAttention(Tensor q, Tensor k, Tensor v)
    {
        long b = q.shape[0], t = q.shape[2];
        var group = heads / kvHeads;
        if (k.shape[2] != t)
        {
            throw new ArgumentException("causal attention without a mask needs as many keys as queries (no cache)");
        }
        if (group > 1)
        {
            k = k.unsqueeze(2).expand(b, kvHeads, group, t, headDim).reshape(b, heads, t, headDim);
            v = v.unsqueeze(2).expand(b, kvHeads, group, t, headDim).reshape(b, heads, t, headDim);
        }
        var o = nn.functional.scaled_dot_product_attention(q, k, v, null, 0.0, true);
        return o.transpose(1, 2).reshape(b, t, heads * headDim);
    }

    /// <summary>
    /// SDPA with an explicit additive mask [B, 1, T, Tk]. Query heads are folded onto their KV head
    /// ([B, H, T, D] → [B, Hkv, group·T, D]) so keys/values are never repeated; the mask is expanded to match.
    /// </summary>
    private Tensor MaskedAttention(Tensor q, Tensor k, Tensor v, Tensor mask)
    {
        long b = q.shape[0], t = q.shape[2];
        var group = heads / kvHeads;
        var tk = k.shape[2];
        var qg = q.reshape(b, kvHeads, group * t, headDim);
        var maskG = group == 1 ? mask : mask.unsqueeze(2).expand(b, 1, group, t, tk).reshape(b, 1, group * t, tk);
        var o = nn.functional.scaled_dot_product_attention(qg, k, v, maskG);
        return o.view(b, heads, t, headDim).transpose(1, 2).reshape(b, t, heads * headDim);
    }
}
