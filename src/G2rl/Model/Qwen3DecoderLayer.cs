using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Model;

/// <summary>Pre-norm decoder block: x + attn(norm(x)), then h + mlp(norm(h)).</summary>
public sealed class Qwen3DecoderLayer : nn.Module
{
    private readonly RmsNorm input_layernorm;
    private readonly Qwen3Attention self_attn;
    private readonly RmsNorm post_attention_layernorm;
    private readonly Qwen3Mlp mlp;

    public Qwen3DecoderLayer(Qwen3Config c, int index, ScalarType dtype, Device device) : base(nameof(Qwen3DecoderLayer))
    {
        input_layernorm = new RmsNorm(c.HiddenSize, c.RmsNormEps, dtype, device);
        self_attn = new Qwen3Attention(c, index, dtype, device);
        post_attention_layernorm = new RmsNorm(c.HiddenSize, c.RmsNormEps, dtype, device);
        mlp = new Qwen3Mlp(c, dtype, device);
        RegisterComponents();
    }

    /// <summary>x [B, T, d] → [B, T, d]; see <see cref="Qwen3Attention.Forward"/> for the other arguments.</summary>
    public Tensor Forward(Tensor x, Tensor cos, Tensor sin, Tensor? mask, KvCache? cache, long cacheStart)
    {
        using var scope = NewDisposeScope();
        var h = x + self_attn.Forward(input_layernorm.forward(x), cos, sin, mask, cache, cacheStart);
        return (h + mlp.forward(post_attention_layernorm.forward(h))).MoveToOuterDisposeScope();
    }
}
