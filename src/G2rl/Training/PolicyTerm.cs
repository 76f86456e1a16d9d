using G2rl.Rl;
using G2rl.Sampling;
using G2rl.Training.Config;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Training;

/// <summary>
/// The policy-gradient term of one step's update with the step-level options: GSPO's sequence ratio, the top-ρ entropy mask
/// (threshold over the whole step, from π_old's entropies) and DAPO's truncation mask (truncated rows leave the term and its
/// normaliser). KL and entropy terms are not affected. Owns its mask.
/// </summary>
internal sealed class PolicyTerm : IDisposable
{
    private readonly TrainConfig config;
    private readonly ObjectiveOptions options;
    private readonly Tensor? mask;
    private readonly bool[] truncated;
    private readonly int[] lengths;

    private PolicyTerm(TrainConfig config, ObjectiveOptions options, Tensor? mask, IReadOnlyList<SampledSequence> samples)
    {
        this.config = config;
        this.options = options;
        this.mask = mask;
        truncated = [.. samples.Select(s => options.MaskTruncated && s.Finish == FinishReason.Length)];
        lengths = [.. samples.Select(s => s.ResponseIds.Count)];
    }

    /// <summary>The term for a step's batch; the mask [N, T−1] float32 is built once from π_old's entropies [N, T−1].</summary>
    public static PolicyTerm ForStep(RolloutBatch batch, StepLogProbs logProbs, TrainConfig config)
    {
        var options = ObjectiveOptions.From(config);
        if (!options.MasksTokens)
        {
            return new PolicyTerm(config, options, null, batch.Samples);
        }
        using var scope = NewDisposeScope();
        using var noGrad = torch.no_grad();
        var m = batch.TargetMask;
        if (options.MaskTruncated)
        {
            var rows = torch.tensor(batch.Samples.Select(s => s.Finish == FinishReason.Length).ToArray(), device: m.device);
            m = TruncationMask.Apply(m, rows);
        }
        if (options.TopEntropyQuantile < 1)
        {
            m = EntropyQuantileMask.Compute(logProbs.Entropy, m, options.TopEntropyQuantile);
        }
        return new PolicyTerm(config, options, m.MoveToOuterDisposeScope(), batch.Samples);
    }

    /// <summary>Per-token policy loss [b, w] float32 and clip indicators of micro-batch rows <paramref name="index"/> [b] (log-probs [b, w], targets [b, w]).</summary>
    public (Tensor Loss, Tensor Clipped) Compute(Tensor logp, Tensor old, Tensor targets, Tensor advantages, Tensor index)
    {
        using var scope = NewDisposeScope();
        var logRatio = SequenceImportance.LogRatio(logp, old, targets, options.Importance);
        var (loss, clipped) = PolicyLoss.FromLogRatio(logRatio, advantages, config.Loss.ClipLow, config.Loss.ClipHigh, config.Loss.DualClip);
        if (mask is not null)
        {
            loss = loss * mask.index_select(0, index).narrow(1, 0, logp.shape[1]);
        }
        return (loss.MoveToOuterDisposeScope(), clipped.MoveToOuterDisposeScope());
    }

    /// <summary>The token count of the mini-batch <paramref name="mini"/> that normalises the term: truncated rows leave it under mask_truncated.</summary>
    public double Tokens(IReadOnlyList<int> mini, double totalTokens) => totalTokens - mini.Where(r => truncated[r]).Sum(r => lengths[r]);

    /// <summary>The sequence count that normalises the term (sequence-mean aggregations).</summary>
    public int Sequences(IReadOnlyList<int> mini) => mini.Count(r => !truncated[r]);

    public void Dispose() => mask?.Dispose();
}
