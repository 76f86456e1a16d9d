using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Rl;

/// <summary>Log importance ratios at token or sequence level (GSPO, Zheng et al. 2025, arXiv 2507.18071).</summary>
public static class SequenceImportance
{
    /// <summary>
    /// log π_θ, log π_old [B, T] float32 and the response mask [B, T] → log-ratios [B, T] float32.
    /// Token: log π_θ − log π_old. Sequence: every position of row i holds log s_i = Σ_t m·(log π_θ − log π_old) / Σ_t m
    /// (GSPO; a row without tokens gets 0). The gradient of the sequence form flows to every token of the row through the
    /// mean, as in GSPO (and TRL's <c>importance_sampling_level="sequence"</c>); the clip then acts on s_i as a whole.
    /// </summary>
    public static Tensor LogRatio(Tensor logProbs, Tensor oldLogProbs, Tensor mask, ImportanceSampling mode)
    {
        using var scope = NewDisposeScope();
        var delta = logProbs - oldLogProbs;
        var result = mode switch
        {
            ImportanceSampling.Token => delta,
            ImportanceSampling.Sequence => Sequence(delta, mask.to(delta.dtype)),
            _ => throw new ArgumentOutOfRangeException(nameof(mode)),
        };
        return result.MoveToOuterDisposeScope();
    }

    private static Tensor Sequence(Tensor delta, Tensor m) =>
        ((delta * m).sum(1, keepdim: true) / m.sum(1, keepdim: true).clamp_min(1)).expand_as(delta);
}
