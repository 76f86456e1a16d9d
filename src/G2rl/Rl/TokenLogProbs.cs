using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Rl;

/// <summary>
/// The one home of the label shift and the response mask: hidden state t predicts token t+1. Computed in chunks
/// through <see cref="LmHeadLogProbFunction"/>, so [B, T, V] float32 logits are never materialised, forward or backward.
/// </summary>
public static class TokenLogProbs
{
    /// <summary>
    /// Per-target log-probabilities and (optionally) entropies.
    /// <paramref name="hidden"/> [B, T, d] final hidden states; <paramref name="lmHead"/> E [V, d];
    /// <paramref name="inputIds"/> [B, T] int64; <paramref name="targetMask"/> [B, T−1] (nonzero = score target t+1).
    /// Returns log p(ids[b, t+1] | ids[b, ≤t]) [B, T−1] float32 (0 where masked) and the entropy of p(· | ids[b, ≤t])
    /// [B, T−1] float32 (0 where masked, or everywhere unless <paramref name="withEntropy"/>), with p = softmax(z / T).
    /// Differentiable with respect to hidden and lmHead.
    /// </summary>
    public static (Tensor LogProbs, Tensor Entropy) Compute(
        Tensor hidden, Tensor lmHead, Tensor inputIds, Tensor targetMask,
        double temperature = 1.0, long chunkSize = 1024, bool withEntropy = false)
    {
        if (temperature <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), "temperature must be positive");
        }
        using var scope = NewDisposeScope();
        long b = hidden.shape[0], t = hidden.shape[1], d = hidden.shape[2];
        var h = hidden.narrow(1, 0, t - 1).reshape(b * (t - 1), d);
        var y = inputIds.narrow(1, 1, t - 1).reshape(-1);
        var index = targetMask.reshape(-1).nonzero().squeeze(1);
        var outputs = LmHeadLogProbFunction.apply(
            h.index_select(0, index), lmHead, y.index_select(0, index), temperature, Math.Max(1, chunkSize), withEntropy);
        var logp = torch.zeros([b * (t - 1)], ScalarType.Float32, hidden.device).index_copy(0, index, outputs[0]).view(b, t - 1);
        var ent = torch.zeros([b * (t - 1)], ScalarType.Float32, hidden.device).index_copy(0, index, outputs[1]).view(b, t - 1);
        return (logp.MoveToOuterDisposeScope(), ent.MoveToOuterDisposeScope());
    }

    /// <summary>
    /// No-grad variant of <see cref="Compute"/> for old/reference log-probs: same shapes and values, and an optional
    /// <paramref name="observer"/> that receives each chunk's probabilities (e.g. to build G2RL features).
    /// </summary>
    public static (Tensor LogProbs, Tensor Entropy) ComputeNoGrad(
        Tensor hidden, Tensor lmHead, Tensor inputIds, Tensor targetMask,
        double temperature = 1.0, long chunkSize = 1024, bool withEntropy = false, IChunkObserver? observer = null)
    {
        if (temperature <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(temperature), "temperature must be positive");
        }
        using var noGrad = torch.no_grad();
        using var scope = NewDisposeScope();
        long b = hidden.shape[0], t = hidden.shape[1], d = hidden.shape[2];
        var index = targetMask.reshape(-1).nonzero().squeeze(1);
        var h = hidden.narrow(1, 0, t - 1).reshape(b * (t - 1), d).index_select(0, index);
        var y = inputIds.narrow(1, 1, t - 1).reshape(-1).index_select(0, index);
        var n = index.shape[0];
        var logp = torch.zeros([b * (t - 1)], ScalarType.Float32, hidden.device);
        var ent = torch.zeros([b * (t - 1)], ScalarType.Float32, hidden.device);
        for (long s = 0; s < n; s += Math.Max(1, chunkSize))
        {
            using var chunkScope = NewDisposeScope();
            var len = Math.Min(Math.Max(1, chunkSize), n - s);
            var z = h.narrow(0, s, len).matmul(lmHead.t()).to(ScalarType.Float32);
            if (temperature != 1.0)
            {
                z /= temperature;
            }
            var logSoftmax = z.log_softmax(-1);
            var yc = y.narrow(0, s, len);
            var pos = index.narrow(0, s, len);
            logp.index_copy_(0, pos, logSoftmax.gather(1, yc.unsqueeze(1)).squeeze(1));
            if (withEntropy || observer is not null)
            {
                var p = logSoftmax.exp();
                if (withEntropy)
                {
                    ent.index_copy_(0, pos, -(p * logSoftmax).sum(-1));
                }
                observer?.Observe(pos, p, yc);
            }
        }
        return (logp.view(b, t - 1).MoveToOuterDisposeScope(), ent.view(b, t - 1).MoveToOuterDisposeScope());
    }
}
