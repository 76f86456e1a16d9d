using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Rl;

/// <summary>Reduces per-token losses to a scalar.</summary>
public static class LossAggregator
{
    /// <summary>
    /// loss [B, T] float32, mask [B, T] (1 = response token) → scalar. <paramref name="normLength"/> is Dr.GRPO's constant L
    /// (used by <see cref="LossAggregation.SeqMeanTokenSumNorm"/> only). Rows or batches with no tokens contribute 0.
    /// </summary>
    public static Tensor Aggregate(Tensor loss, Tensor mask, LossAggregation mode, double normLength = 1.0)
    {
        using var scope = NewDisposeScope();
        var m = mask.to(loss.dtype);
        var result = mode switch
        {
            LossAggregation.TokenMean => (loss * m).sum() / m.sum().clamp_min(1),
            LossAggregation.SeqMeanTokenMean => ((loss * m).sum(1) / m.sum(1).clamp_min(1)).mean(),
            LossAggregation.SeqMeanTokenSumNorm => ((loss * m).sum(1) / normLength).mean(),
            _ => throw new ArgumentOutOfRangeException(nameof(mode)),
        };
        return result.MoveToOuterDisposeScope();
    }

    /// <summary>
    /// A micro-batch's share of the mini-batch aggregate: summing the results over the micro-batches of a mini-batch gives
    /// <see cref="Aggregate"/> of the whole mini-batch. <paramref name="totalTokens"/> and <paramref name="totalSequences"/>
    /// are the mini-batch's response-token and sequence counts.
    /// </summary>
    public static Tensor AggregatePart(Tensor loss, Tensor mask, LossAggregation mode, double normLength, double totalTokens, int totalSequences)
    {
        using var scope = NewDisposeScope();
        var m = mask.to(loss.dtype);
        var seqs = Math.Max(1, totalSequences);
        var result = mode switch
        {
            LossAggregation.TokenMean => (loss * m).sum() / Math.Max(1, totalTokens),
            LossAggregation.SeqMeanTokenMean => ((loss * m).sum(1) / m.sum(1).clamp_min(1)).sum() / seqs,
            LossAggregation.SeqMeanTokenSumNorm => (loss * m).sum(1).sum() / normLength / seqs,
            _ => throw new ArgumentOutOfRangeException(nameof(mode)),
        };
        return result.MoveToOuterDisposeScope();
    }
}
