namespace G2rl.Sampling;

/// <summary>Why a row stopped generating.</summary>
public enum FinishReason
{
    /// <summary>An end-of-sequence token was generated.</summary>
    Eos,

    /// <summary>A stop token sequence or stop string was generated.</summary>
    Stop,

    /// <summary>The max-new-tokens limit was reached.</summary>
    Length,
}
