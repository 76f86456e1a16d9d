using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Rl;

/// <summary>
/// Fused LM head + log-softmax + gather (+ entropy) with a recomputing backward, so [N, V] float32 logits exist
/// only one chunk at a time, in the forward and in the backward pass alike (V is 151,936 for Qwen3).
/// Inputs: hidden h [N, d], weight E [V, d], targets y [N] int64, temperature T, chunk size, entropy flag.
/// Outputs: log p(y | h) [N] float32 and entropy H(p) [N] float32 (zeros unless asked), with p = softmax(hEᵀ / T).
/// Backward: ∂log p_y/∂z = onehot(y) − p; ∂H/∂z = −p ⊙ (log p + H); z = hEᵀ/T, so ∂/∂h = (∂/∂z)·E / T and
/// ∂/∂E = (∂/∂z)ᵀ·h / T. The rows of (onehot(y) − p)·E are the G2RL token features φ_t. Logits and ∂/∂z are float32;
/// the GEMMs of the backward run in E's dtype (float32 accumulation inside the GEMM, and across chunks for ∂/∂E).
/// </summary>
internal sealed class LmHeadLogProbFunction : torch.autograd.MultiTensorFunction<LmHeadLogProbFunction>
{
    public override string Name => "LmHeadLogProb";

    public override List<Tensor> forward(torch.autograd.AutogradContext ctx, params object[] vars)
    {
        var (h, e, y, temperature, chunk, entropy) = Unpack(vars);
        ctx.save_for_backward([h, e, y]);
        ctx.save_data("temperature", temperature);
        ctx.save_data("chunk", chunk);
        ctx.save_data("entropy", entropy);
        // Unused outputs reach backward as undefined gradients instead of zeros made from output tensors the caller may have disposed.
        ctx.set_materialize_grads(false);
        using var noGrad = torch.no_grad();
        var n = h.shape[0];
        var logp = torch.zeros([n], ScalarType.Float32, h.device);
        var ent = torch.zeros([n], ScalarType.Float32, h.device);
        for (long s = 0; s < n; s += chunk)
        {
            using var scope = NewDisposeScope();
            var len = Math.Min(chunk, n - s);
            var z = ScaledLogits(h.narrow(0, s, len), e, temperature);
            var lse = z.logsumexp(-1);
            logp.narrow(0, s, len).copy_(z.gather(1, y.narrow(0, s, len).unsqueeze(1)).squeeze(1) - lse);
            if (entropy)
            {
                var p = (z - lse.unsqueeze(1)).exp();
                ent.narrow(0, s, len).copy_(lse - (p * z).sum(-1));
            }
        }
        return [logp, ent];
    }

    public override List<Tensor> backward(torch.autograd.AutogradContext ctx, List<Tensor> gradOutputs)
    {
        var saved = ctx.get_saved_variables();
        Tensor h = saved[0], e = saved[1], y = saved[2];
        var temperature = (double)ctx.get_data("temperature");
        var chunk = (long)ctx.get_data("chunk");
        var entropy = (bool)ctx.get_data("entropy");
        var gLogp = Defined(gradOutputs, 0);
        var gEnt = entropy ? Defined(gradOutputs, 1) : null;
        using var noGrad = torch.no_grad();
        var n = h.shape[0];
        var gradH = torch.zeros_like(h);
        var gradE = torch.zeros(e.shape, ScalarType.Float32, e.device);
        for (long s = 0; s < n; s += chunk)
        {
            using var scope = NewDisposeScope();
            var len = Math.Min(chunk, n - s);
            var hc = h.narrow(0, s, len);
            var z = ScaledLogits(hc, e, temperature);
            var lse = z.logsumexp(-1, keepdim: true);
            var logP = z - lse;
            var p = logP.exp();
            var dz = torch.zeros_like(p);
            if (gLogp is not null)
            {
                var g = gLogp.narrow(0, s, len).unsqueeze(1).to(ScalarType.Float32);
                dz = (-p * g).scatter_add_(1, y.narrow(0, s, len).unsqueeze(1), g);
            }
            if (gEnt is not null)
            {
                var hEnt = -(p * logP).sum(-1, keepdim: true);
                dz -= p * (logP + hEnt) * gEnt.narrow(0, s, len).unsqueeze(1);
            }
            dz /= temperature;
            // Both GEMMs run in the compute dtype (bf16/fp16 GEMMs accumulate in float32 inside cuBLAS and oneDNN); the
            // weight gradient's per-chunk products are summed over chunks in a float32 buffer. float32 models: unchanged.
            var dzc = dz.to(e.dtype);
            gradH.narrow(0, s, len).copy_(dzc.matmul(e));
            gradE.add_(dzc.t().matmul(hc.to(e.dtype)));
        }
        return [gradH, gradE.to(e.dtype), null!, null!, null!, null!];
    }

    private static Tensor? Defined(List<Tensor> grads, int i) =>
        i < grads.Count && grads[i] is { } g && !g.IsInvalid ? g : null;

    private static Tensor ScaledLogits(Tensor h, Tensor e, double temperature)
    {
        var z = h.matmul(e.t()).to(ScalarType.Float32);
        return temperature == 1.0 ? z : z / temperature;
    }

    private static (Tensor H, Tensor E, Tensor Y, double T, long Chunk, bool Entropy) Unpack(object[] vars) =>
        ((Tensor)vars[0], (Tensor)vars[1], (Tensor)vars[2], (double)vars[3], (long)vars[4], (bool)vars[5]);
}
