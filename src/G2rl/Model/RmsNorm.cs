using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace G2rl.Model;

/// <summary>
/// Qwen3RMSNorm as in transformers: computed in float32, y = w · (x / sqrt(mean(x²) + ε)) cast back to x's dtype.
/// </summary>
public sealed class RmsNorm : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly double eps;

    public RmsNorm(long dim, double eps, ScalarType dtype, Device device) : base(nameof(RmsNorm))
    {
        weight = new Parameter(torch.ones([dim], dtype, device));
        this.eps = eps;
        RegisterComponents();
    }

    /// <summary>[dim] scale.</summary>
    public Parameter Weight => weight;

    /// <summary>x [..., dim] → [..., dim], same dtype.</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var x = input.to(ScalarType.Float32);
        var variance = x.pow(2).mean([-1], keepdim: true);
        x = x * torch.rsqrt(variance + eps);
        return (weight * x.to(input.dtype)).MoveToOuterDisposeScope();
    }
}
