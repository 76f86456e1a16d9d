using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Model;

/// <summary>
/// Gradient checkpointing of one decoder layer: the forward runs without storing activations; the backward re-runs the
/// layer with autograd on and back-propagates through it (parameter gradients accumulate there), returning the input
/// gradient. Trades one extra layer forward for the activation memory of long sequences.
/// </summary>
internal sealed class CheckpointedLayer : torch.autograd.MultiTensorFunction<CheckpointedLayer>
{
    public override string Name => "CheckpointedDecoderLayer";

    public override List<Tensor> forward(torch.autograd.AutogradContext ctx, params object[] vars)
    {
        var x = (Tensor)vars[0];
        var mask = vars[3] as Tensor;
        // A null mask (causal attention only) is not saved: SavedVariable has no null.
        ctx.save_for_backward(mask is null ? [x, (Tensor)vars[1], (Tensor)vars[2]] : [x, (Tensor)vars[1], (Tensor)vars[2], mask]);
        ctx.save_data("layer", vars[4]);
        using var noGrad = torch.no_grad();
        return [((Qwen3DecoderLayer)vars[4]).Forward(x, (Tensor)vars[1], (Tensor)vars[2], mask, null, 0)];
    }

    public override List<Tensor> backward(torch.autograd.AutogradContext ctx, List<Tensor> gradOutputs)
    {
        var saved = ctx.get_saved_variables();
        var layer = (Qwen3DecoderLayer)ctx.get_data("layer");
        using var enable = torch.enable_grad();
        var input = saved[0].detach().requires_grad_(true);
        var output = layer.Forward(input, saved[1], saved[2], saved.Count > 3 ? saved[3] : null, null, 0);
        torch.autograd.backward([output], [gradOutputs[0]]);
        return [input.grad!, null!, null!, null!, null!];
    }
}
