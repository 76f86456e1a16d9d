using G2rl.Sampling;
using G2rl.Exploration;
using G2rl.Model;
using G2rl.Rl;
using G2rl.Training.Config;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Training;

/// <summary>
/// Stage 3: log π_old (recomputed with one no-grad forward of the behaviour policy at the rollout temperature, or taken
/// from the sampler), log π_ref of the frozen reference, and the entropy of π_old; the exploration sink sees the exact
/// π_old distributions of this pass (G2RL features). Runs micro-batch by micro-batch (<see cref="MicroBatches.Plan"/>), each
/// a causal-only pass over right-padded rows (<see cref="ICausalLm.HiddenCausal"/>).
/// </summary>
public static class LogProbStage
{
    public static StepLogProbs Run(
        RolloutBatch batch, ICausalLm policy, ICausalLm? reference, double temperature, int microBatch, long chunk,
        bool recomputeOld, IFeatureSink? sink, AutoCount maxTokensPerMicroBatch = default)
    {
        using var noGrad = torch.no_grad();
        var shape = batch.TargetMask.shape;
        var device = batch.TargetMask.device;
        var old = torch.zeros(shape, ScalarType.Float32, device);
        var entropy = torch.zeros(shape, ScalarType.Float32, device);
        var refLogp = reference is null ? null : torch.zeros(shape, ScalarType.Float32, device);
        var rows = Enumerable.Range(0, batch.Rows).ToList();
        foreach (var micro in MicroBatches.Plan(rows, batch.PaddedWidth, microBatch, maxTokensPerMicroBatch))
        {
            using var scope = NewDisposeScope();
            var (ids, _, targets, width) = batch.Slice(micro);
            var index = torch.tensor(micro.Select(r => (long)r).ToArray(), device: device);
            var hidden = policy.HiddenCausal(ids);
            var (lp, ent) = TokenLogProbs.ComputeNoGrad(hidden, policy.LmHeadWeight, ids, targets, temperature, chunk, withEntropy: true, sink?.ForRows(micro, width - 1));
            if (recomputeOld)
            {
                old.narrow(1, 0, width - 1).index_copy_(0, index, lp);
            }
            entropy.narrow(1, 0, width - 1).index_copy_(0, index, ent);
            if (reference is not null && refLogp is not null)
            {
                var refHidden = reference.HiddenCausal(ids);
                var (rlp, _) = TokenLogProbs.ComputeNoGrad(refHidden, reference.LmHeadWeight, ids, targets, temperature, chunk);
                refLogp.narrow(1, 0, width - 1).index_copy_(0, index, rlp);
            }
        }
        if (!recomputeOld)
        {
            FillFromSampler(batch, old);
        }
        return new StepLogProbs(old, refLogp, entropy);
    }

    /// <summary>Places the sampler's per-token log-probs at the response targets.</summary>
    public static void FillFromSampler(RolloutBatch batch, Tensor old)
    {
        var cols = old.shape[1];
        var values = new float[batch.Rows * cols];
        for (var r = 0; r < batch.Rows; r++)
        {
            var lp = batch.Samples[r].ResponseLogProbs;
            for (var j = 0; j < lp.Count; j++)
            {
                values[(r * cols) + batch.FirstTargetColumn(r) + j] = lp[j];
            }
        }
        using var t = torch.tensor(values, [batch.Rows, cols], device: old.device);
        old.copy_(t);
    }
}
