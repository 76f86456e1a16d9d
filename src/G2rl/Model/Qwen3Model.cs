using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace G2rl.Model;

/// <summary>The Qwen3 decoder stack: embed_tokens → layers → norm (the "model." prefix of HF keys).</summary>
public sealed class Qwen3Model : nn.Module
{
    private readonly Embedding embed_tokens;
    private readonly ModuleList<Qwen3DecoderLayer> layers;
    private readonly RmsNorm norm;
    private readonly Qwen3Config config;

    public Qwen3Model(Qwen3Config c, ScalarType dtype, Device device) : base(nameof(Qwen3Model))
    {
        config = c;
        embed_tokens = new Embedding(c.VocabSize, c.HiddenSize, dtype, device);
        layers = new ModuleList<Qwen3DecoderLayer>();
        for (var i = 0; i < c.NumHiddenLayers; i++)
        {
            layers.Add(new Qwen3DecoderLayer(c, i, dtype, device));
        }
        norm = new RmsNorm(c.HiddenSize, c.RmsNormEps, dtype, device);
        RegisterComponents();
    }

    /// <summary>The embedding table module.</summary>
    public Embedding EmbedTokens => embed_tokens;

    /// <summary>Decoder layers in order.</summary>
    public IReadOnlyList<Qwen3DecoderLayer> Layers => [.. layers];

    /// <summary>Recompute each layer in the backward pass instead of storing its activations (training without a cache only).</summary>
    public bool GradientCheckpointing { get; set; }

    /// <summary>Dtype the RoPE inverse frequencies are rounded to (see <see cref="Rope.CosSin"/>); float32 = exact.</summary>
    public ScalarType RopeFrequencyDType { get; set; } = ScalarType.Float32;

    /// <summary>
    /// Final hidden states [B, T, d]; see <see cref="ICausalLm.Hidden"/>. A null <paramref name="mask"/> means causal
    /// attention only (rows from column 0, right-padded, no cache): SDPA with is_causal, no mask materialised.
    /// </summary>
    public Tensor Forward(Tensor inputIds, Tensor positionIds, Tensor? mask, KvCache? cache, long cacheStart)
    {
        using var scope = NewDisposeScope();
        var h = embed_tokens.forward(inputIds);
        // With a cache (decoding), cos/sin come from the cache's table built once per sampler call.
        var (cos, sin) = cache is null
            ? Rope.CosSin(positionIds, config.HeadDim, config.RopeTheta, h.dtype, RopeFrequencyDType)
            : cache.Rope(positionIds, p => Rope.CosSin(p, config.HeadDim, config.RopeTheta, h.dtype, RopeFrequencyDType));
        if (mask is null && cache is not null)
        {
            throw new ArgumentException("a pass with a KV cache needs an explicit mask", nameof(mask));
        }
        var maskT = mask is null || mask.dtype == h.dtype ? mask : mask.to(h.dtype);
        var checkpoint = GradientCheckpointing && cache is null && torch.is_grad_enabled();
        foreach (var layer in layers)
        {
            h = checkpoint ? CheckpointedLayer.apply(h, cos, sin, maskT, layer)[0] : layer.Forward(h, cos, sin, maskT, cache, cacheStart);
        }
        return norm.forward(h).MoveToOuterDisposeScope();
    }
}
