namespace G2rl.Exploration;

/// <summary>Which word pieces a text longer than the encoder's limit keeps.</summary>
public enum TokenTruncation
{
    /// <summary>The first pieces (what sentence-transformers does).</summary>
    KeepStart,

    /// <summary>The last pieces: the end of a reasoning trace, where the final answer is (EVOL-RL embeds the final part).</summary>
    KeepEnd,
}
