namespace G2rl.Exploration;

/// <summary>Settings of <see cref="MiniLmSentenceEncoder"/>.</summary>
/// <param name="MaxTokens">
/// Word pieces per text including [CLS] and [SEP], 3–512. 256 is the max_seq_length of the published
/// sentence-transformers model; the model's position table allows 512.
/// </param>
/// <param name="Truncation">Which pieces a longer text keeps.</param>
/// <param name="BatchSize">Texts per ONNX run. Texts are sorted by length first, so a batch pads only to its own longest text.</param>
/// <param name="IntraOpThreads">ONNX Runtime intra-op threads; 0 lets ONNX Runtime choose (one per physical core).</param>
public sealed record MiniLmOptions(
    int MaxTokens = 256,
    TokenTruncation Truncation = TokenTruncation.KeepStart,
    int BatchSize = 32,
    int IntraOpThreads = 0)
{
    /// <summary>Largest <see cref="MaxTokens"/>: the size of the model's position-embedding table.</summary>
    public const int ModelMaxTokens = 512;

    /// <summary>Throws when a value is out of range.</summary>
    public void Validate()
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(MaxTokens, 3, nameof(MaxTokens));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(MaxTokens, ModelMaxTokens, nameof(MaxTokens));
        ArgumentOutOfRangeException.ThrowIfLessThan(BatchSize, 1, nameof(BatchSize));
        ArgumentOutOfRangeException.ThrowIfNegative(IntraOpThreads, nameof(IntraOpThreads));
        if (!Enum.IsDefined(Truncation))
        {
            throw new ArgumentOutOfRangeException(nameof(Truncation), Truncation, "unknown truncation");
        }
    }
}
