using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace G2rl.Model;

/// <summary>
/// A linear layer y = x·Wᵀ (+ b) whose parameters are allocated uninitialised (<c>torch.empty</c>): weights
/// come from a checkpoint or from <see cref="Qwen3Init"/>. Parameter names "weight"/"bias" match HF keys.
/// </summary>
public sealed class Dense : nn.Module<Tensor, Tensor>
{
    private readonly Parameter weight;
    private readonly Parameter? bias;

    public Dense(long inFeatures, long outFeatures, bool hasBias, ScalarType dtype, Device device) : base(nameof(Dense))
    {
        weight = new Parameter(torch.empty([outFeatures, inFeatures], dtype, device));
        bias = hasBias ? new Parameter(torch.empty([outFeatures], dtype, device)) : null;
        RegisterComponents();
    }

    /// <summary>[out, in] weight.</summary>
    public Parameter Weight => weight;

    /// <summary>[out] bias or null.</summary>
    public Parameter? Bias => bias;

    /// <summary>x [..., in] → [..., out].</summary>
    public override Tensor forward(Tensor input) => nn.functional.linear(input, weight, bias);
}
