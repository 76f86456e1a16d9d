namespace G2rl.Evaluation;

/// <summary>Sampling settings of an evaluation (the paper: 16 samples at temperature 0.8).</summary>
public sealed record EvalOptions
{
    public int Samples { get; init; } = 16;

    public double Temperature { get; init; } = 0.8;

    public double TopP { get; init; } = 1.0;

    public int MaxNewTokens { get; init; } = 4096;

    public long Seed { get; init; }

    /// <summary>Prompts per sampler call (each brings <see cref="Samples"/> rows).</summary>
    public int PromptsPerBatch { get; init; } = 8;

    /// <summary>Rows decoded at once by the continuous-batching sampler (bounds KV memory; results do not depend on it); null: all rows of a call.</summary>
    public int? MaxNumSeqs { get; init; }
}
