using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace G2rl.Model;

/// <summary>
/// The adapter of one linear layer: A [r, in] and B [out, r], float32 whatever the base dtype (as PEFT's
/// autocast_adapter_dtype), so adapter updates are not lost to bf16 rounding. A is drawn like PEFT's
/// kaiming_uniform_(a = √5), i.e. U(−1/√in, 1/√in), B is zero, so an untrained adapter changes nothing.
/// </summary>
public sealed class LoraAdapter : IDisposable
{
    private readonly LoraAdapters owner;

    internal LoraAdapter(LoraAdapters owner, string module, long inFeatures, long outFeatures, Device device, Generator init)
    {
        this.owner = owner;
        Module = module;
        var bound = 1.0 / Math.Sqrt(inFeatures);
        Tensor initial;
        using (var scope = NewDisposeScope())
        {
            var u = torch.rand([owner.Options.Rank, inFeatures], ScalarType.Float32, generator: init);
            initial = ((u * (2 * bound)) - bound).to(device).MoveToOuterDisposeScope();
        }
        A = new Parameter(initial);
        B = new Parameter(torch.zeros([outFeatures, owner.Options.Rank], ScalarType.Float32, device));
    }

    /// <summary>Module path of the adapted layer, e.g. "model.layers.0.self_attn.q_proj".</summary>
    public string Module { get; }

    /// <summary>lora_A [r, in] float32.</summary>
    public Parameter A { get; }

    /// <summary>lora_B [out, r] float32.</summary>
    public Parameter B { get; }

    /// <summary>
    /// (α/r)·B(A(dropout(x))) for x [..., in], returned in x's dtype [..., out]; zero-cost null when the adapters are
    /// disabled (the KL reference). Dropout applies only while gradients are recorded (the update's forward).
    /// </summary>
    public Tensor? Delta(Tensor x)
    {
        if (!owner.Enabled)
        {
            return null;
        }
        using var scope = NewDisposeScope();
        var h = x.to(ScalarType.Float32);
        if (owner.Options.Dropout > 0 && torch.is_grad_enabled())
        {
            h = owner.Dropout(h);
        }
        var delta = nn.functional.linear(nn.functional.linear(h, A), B) * owner.Options.Scaling;
        return delta.to(x.dtype).MoveToOuterDisposeScope();
    }

    /// <summary>W + (α/r)·B·A for a weight [out, in], computed in float32 and returned in <paramref name="weight"/>'s dtype.</summary>
    public static Tensor Merge(Tensor weight, Tensor a, Tensor b, double scaling)
    {
        using var scope = NewDisposeScope();
        var merged = weight.to(ScalarType.Float32) + (torch.matmul(b.to(ScalarType.Float32), a.to(ScalarType.Float32)) * scaling);
        return merged.to(weight.dtype).MoveToOuterDisposeScope();
    }

    public void Dispose()
    {
        A.Dispose();
        B.Dispose();
    }
}
