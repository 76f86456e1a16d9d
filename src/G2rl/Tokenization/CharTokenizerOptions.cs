namespace G2rl.Tokenization;

/// <summary>
/// Special tokens and limits of a <see cref="CharTokenizer"/>. Ids go to the specials first, in the order
/// pad, eos, bos, unk, <see cref="AdditionalSpecialTokens"/>, then to the alphabet in its order.
/// </summary>
public sealed record CharTokenizerOptions
{
    public string PadToken { get; init; } = "<pad>";

    public string EosToken { get; init; } = "<eos>";

    /// <summary>A beginning-of-sequence token (in the vocabulary, never added by <see cref="CharTokenizer.Encode"/>), or null.</summary>
    public string? BosToken { get; init; } = "<bos>";

    /// <summary>When set, characters outside the alphabet encode to this token instead of raising an error.</summary>
    public string? UnknownToken { get; init; }

    /// <summary>More special tokens (for example task separators); matched in text and skipped by decode on request.</summary>
    public IReadOnlyList<string> AdditionalSpecialTokens { get; init; } = [];

    /// <summary>Written as <c>model_max_length</c> in tokenizer_config.json.</summary>
    public int ModelMaxLength { get; init; } = 4096;
}
