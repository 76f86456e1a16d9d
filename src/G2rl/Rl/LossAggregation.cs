namespace G2rl.Rl;

/// <summary>How per-token losses [B, T] with a response mask become one scalar (one switch: <see cref="LossAggregator.Aggregate"/>).</summary>
public enum LossAggregation
{
    /// <summary>Σ loss·mask / Σ mask over the whole batch (DAPO; longer responses weigh more).</summary>
    TokenMean,

    /// <summary>Mean over sequences of each sequence's token mean (original GRPO).</summary>
    SeqMeanTokenMean,

    /// <summary>Mean over sequences of Σ_t loss / L with a constant L (Dr.GRPO; L = max response length).</summary>
    SeqMeanTokenSumNorm,
}
