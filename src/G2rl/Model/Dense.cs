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

    /// <summary>The LoRA adapter added to this layer's output, or null; set by <see cref="LoraAdapters.Attach"/> (not a submodule, so the layer's parameters stay the base's).</summary>
    public LoraAdapter? Adapter { get; internal set; }

    /// <summary>x [..., in] → [..., out]: x·Wᵀ (+ b), plus the adapter's (α/r)·B·A·x when one is attached and enabled.</summary>
    public override Tensor forward(Tensor input)
    {
        if (Adapter is null)
        {
            return nn.functional.linear(input, weight, bias);
        }
        using var scope = NewDisposeScope();
        var y = nn.functional.linear(input, weight, bias);
        var delta = Adapter.Delta(input);
        return (delta is null ? y : y + delta).MoveToOuterDisposeScope();
    }
}
