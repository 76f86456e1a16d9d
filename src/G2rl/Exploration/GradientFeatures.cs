using G2rl.Model;
using G2rl.Rl;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Exploration;

/// <summary>Token and sequence gradient features of given sequences (for the features command, analysis and tests).</summary>
public static class GradientFeatures
{
    /// <summary>
    /// Per-token features φ [B, T−1, d] float32: entry [b, t] = E[y] − Eᵀ softmax(z_t / T) for target y = ids[b, t+1] predicted
    /// at position t; zero where <paramref name="targetMask"/> [B, T−1] is 0. Equals T · ∂ log p(y)/∂h_t.
    /// </summary>
    public static Tensor TokenFeatures(Tensor hidden, Tensor lmHead, Tensor inputIds, Tensor targetMask, double temperature)
    {
        using var scope = NewDisposeScope();
        using var noGrad = torch.no_grad();
        var t = hidden.shape[1];
        var e = lmHead.to(ScalarType.Float32);
        var h = hidden.narrow(1, 0, t - 1).to(ScalarType.Float32);
        var p = (h.matmul(e.t()) / temperature).softmax(-1);                 // [B, T−1, V]
        var y = inputIds.narrow(1, 1, t - 1);
        var phi = e.index_select(0, y.reshape(-1)).view(y.shape[0], t - 1, -1) - p.matmul(e);
        return (phi * targetMask.to(ScalarType.Float32).unsqueeze(-1)).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Sequence features Φ [B, d] float32 (α-weighted mean of φ over the masked targets) via the V-sized accumulator and a
    /// chunked no-grad pass of <paramref name="model"/> over ids [B, T] with attention mask [B, T].
    /// </summary>
    public static Tensor SequenceFeatures(ICausalLm model, Tensor inputIds, Tensor attentionMask, Tensor targetMask, double temperature,
        FeatureWeighting weighting = FeatureWeighting.Uniform, long chunk = 1024)
    {
        using var scope = NewDisposeScope();
        using var noGrad = torch.no_grad();
        var b = (int)inputIds.shape[0];
        var t = inputIds.shape[1];
        var hidden = model.Hidden(inputIds, AttentionMasks.PositionIds(attentionMask), AttentionMasks.Causal(attentionMask, 0, t, model.DType));
        using var acc = new GradientFeatureAccumulator(b, model.Config.VocabSize, model.Device, weighting);
        TokenLogProbs.ComputeNoGrad(hidden, model.LmHeadWeight, inputIds, targetMask, temperature, chunk, observer: acc.ForRows(Enumerable.Range(0, b).ToList(), t - 1));
        return acc.Finish(model.LmHeadWeight).MoveToOuterDisposeScope();
    }
}
