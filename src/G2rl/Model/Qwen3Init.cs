using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Model;

/// <summary>
/// Random initialisation as transformers' Qwen3 _init_weights: N(0, σ²) for projections and embeddings, ones for norms. The
/// normal draws come from a CPU generator and are moved to the model's device, so a seed gives the same weights on every device
/// (TorchSharp's generators are CPU-only; a CUDA op given one throws).
/// </summary>
public static class Qwen3Init
{
    /// <summary>Initialises every parameter of <paramref name="model"/> from a seeded generator.</summary>
    public static void Initialize(Qwen3ForCausalLM model, long seed, double std = 0.02)
    {
        using var scope = NewDisposeScope();
        using var gen = new Generator((ulong)seed);
        using var noGrad = torch.no_grad();
        foreach (var (name, p) in model.named_parameters())
        {
            if (name.EndsWith("norm.weight", StringComparison.Ordinal))
            {
                p.fill_(1.0);
            }
            else if (name.EndsWith(".bias", StringComparison.Ordinal))
            {
                p.zero_();
            }
            else
            {
                using var inner = NewDisposeScope(); // one parameter's float32 draw at a time
                p.copy_(torch.randn(p.shape, ScalarType.Float32, CPU, generator: gen).mul_(std).to(p.dtype).to(p.device));
            }
        }
    }
}
