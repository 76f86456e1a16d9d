using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace G2rl.Training;

/// <summary>Global L2 gradient norm and clipping.</summary>
public static class GradientClipping
{
    /// <summary>Total L2 norm of all gradients (NaN/∞ when any gradient is not finite); scales them to at most <paramref name="maxNorm"/> when it is finite and positive.</summary>
    public static double ClipByGlobalNorm(IEnumerable<Parameter> parameters, double maxNorm) =>
        ClipByGlobalNorm([.. parameters.Select(p => p.grad).Where(g => g is not null).Select(g => g!)], maxNorm);

    /// <summary>The same for explicit gradient tensors (e.g. the optimizer's float32 accumulation buffers, <see cref="AdamW.Gradients"/>), scaled in place.</summary>
    public static double ClipByGlobalNorm(IReadOnlyList<Tensor> grads, double maxNorm)
    {
        using var noGrad = torch.no_grad();
        using var scope = NewDisposeScope();
        if (grads.Count == 0)
        {
            return 0;
        }
        var total = torch.stack(grads.Select(g => g.to(ScalarType.Float32).pow(2).sum())).sum().sqrt().item<float>();
        if (double.IsFinite(total) && maxNorm > 0 && total > maxNorm)
        {
            var scale = maxNorm / (total + 1e-6);
            foreach (var g in grads)
            {
                g.mul_(scale);
            }
        }
        return total;
    }
}
