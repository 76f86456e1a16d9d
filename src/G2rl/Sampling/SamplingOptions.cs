namespace G2rl.Sampling;

/// <summary>How tokens are drawn and when a row stops. Validated by <see cref="Validate"/>.</summary>
public sealed record SamplingOptions
{
    /// <summary>Softmax temperature; 0 means greedy (argmax, ties to the lowest id).</summary>
    public double Temperature { get; init; } = 1.0;

    /// <summary>Nucleus sampling: keep the smallest set of most likely tokens whose mass reaches p (never empty); 1 disables.</summary>
    public double TopP { get; init; } = 1.0;

    /// <summary>Keep the k most likely tokens (all tokens tied with the k-th are kept, as transformers does); 0 disables.</summary>
    public int TopK { get; init; }

    /// <summary>Keep tokens whose probability is at least MinP × the largest probability; 0 disables.</summary>
    public double MinP { get; init; }

    /// <summary>Upper bound on generated tokens per row (the row finishes with reason "length").</summary>
    public int MaxNewTokens { get; init; } = 256;

    /// <summary>Token ids that end a row (included in the response).</summary>
    public IReadOnlyList<int> EosTokenIds { get; init; } = [];

    /// <summary>Token-id sequences that end a row when the response ends with one (included in the response).</summary>
    public IReadOnlyList<IReadOnlyList<int>> StopTokenSequences { get; init; } = [];

    /// <summary>Strings that end a row when the decoded response ends with one (needs a tokenizer).</summary>
    public IReadOnlyList<string> StopStrings { get; init; } = [];

    /// <summary>True when tokens are chosen by argmax.</summary>
    public bool Greedy => Temperature == 0;

    /// <summary>Throws <see cref="G2rlException"/> naming the bad field.</summary>
    public SamplingOptions Validate()
    {
        if (Temperature < 0 || double.IsNaN(Temperature))
        {
            throw new G2rlException($"temperature must be ≥ 0, got {Temperature}");
        }
        if (TopP is <= 0 or > 1)
        {
            throw new G2rlException($"top_p must be in (0, 1], got {TopP}");
        }
        if (TopK < 0)
        {
            throw new G2rlException($"top_k must be ≥ 0, got {TopK}");
        }
        if (MinP is < 0 or >= 1)
        {
            throw new G2rlException($"min_p must be in [0, 1), got {MinP}");
        }
        if (MaxNewTokens <= 0)
        {
            throw new G2rlException($"max_new_tokens must be positive, got {MaxNewTokens}");
        }
        if (StopTokenSequences.Any(s => s.Count == 0) || StopStrings.Any(string.IsNullOrEmpty))
        {
            throw new G2rlException("stop sequences and stop strings must not be empty");
        }
        return this;
    }
}
