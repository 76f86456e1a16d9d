using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Model;

/// <summary>SwiGLU feed-forward: down_proj(silu(gate_proj(x)) · up_proj(x)).</summary>
public sealed class Qwen3Mlp : nn.Module<Tensor, Tensor>
{
    private readonly Dense gate_proj;
    private readonly Dense up_proj;
    private readonly Dense down_proj;

    public Qwen3Mlp(Qwen3Config c, ScalarType dtype, Device device) : base(nameof(Qwen3Mlp))
    {
        gate_proj = new Dense(c.HiddenSize, c.IntermediateSize, false, dtype, device);
        up_proj = new Dense(c.HiddenSize, c.IntermediateSize, false, dtype, device);
        down_proj = new Dense(c.IntermediateSize, c.HiddenSize, false, dtype, device);
        RegisterComponents();
    }

    /// <summary>x [B, T, d] → [B, T, d].</summary>
    public override Tensor forward(Tensor input)
    {
        using var scope = NewDisposeScope();
        var hidden = nn.functional.silu(gate_proj.forward(input)) * up_proj.forward(input);
        return down_proj.forward(hidden).MoveToOuterDisposeScope();
    }
}
