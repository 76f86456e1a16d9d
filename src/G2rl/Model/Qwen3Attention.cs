using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Model;

/// <summary>
/// Grouped-query self-attention with per-head RMSNorm on queries and keys (Qwen3), RoPE, and an optional
/// external <see cref="KvCache"/>. Query heads are folded onto their KV head so keys/values are never repeated.
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
    /// without a cache or cacheStart + T with one. Returns [B, T, d].
    /// </summary>
    public Tensor Forward(Tensor x, Tensor cos, Tensor sin, Tensor mask, KvCache? cache, long cacheStart)
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
        var group = heads / kvHeads;
        var tk = k.shape[2];
        // [B, H, T, D] -> [B, Hkv, group*T, D]: head h uses KV head h / group, as transformers' repeat_kv.
        var qg = q.reshape(b, kvHeads, group * t, headDim);
        var maskG = group == 1 ? mask : mask.unsqueeze(2).expand(b, 1, group, t, tk).reshape(b, 1, group * t, tk);
        var o = nn.functional.scaled_dot_product_attention(qg, k, v, maskG);
        o = o.view(b, heads, t, headDim).transpose(1, 2).reshape(b, t, heads * headDim);
        return o_proj.forward(o).MoveToOuterDisposeScope();
    }
}
