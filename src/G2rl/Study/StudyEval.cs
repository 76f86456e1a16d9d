namespace G2rl.Study;

/// <summary>Held-out evaluation of every final policy (and the base) in a study.</summary>
public sealed record StudyEval
{
    /// <summary>Samples per held-out problem (pass@k for k up to this, maj@n over them).</summary>
    public int Samples { get; init; } = 8;

    /// <summary>Sampling temperature (the paper evaluates at 0.8).</summary>
    public double Temperature { get; init; } = 0.8;

    /// <summary>Response length limit; 0 = rollout.max_new_tokens of the training config.</summary>
    public int MaxNewTokens { get; init; }

    /// <summary>Use only the first N held-out problems (0 = all).</summary>
    public int Limit { get; init; }

    /// <summary>Problems of the §3.5 geometry analysis (the first ones of the held-out set; 0 disables it).</summary>
    public int GeometryProblems { get; init; } = 30;

    /// <summary>Samples per geometry problem (at least 2).</summary>
    public int GeometrySamples { get; init; } = 8;

    /// <summary>MiniLM cosines beside the Φ cosines (needs the sentence encoder; EVOL-RL arms load it anyway).</summary>
    public bool Embedding { get; init; } = true;

    /// <summary>Token limit of the MiniLM encoder (the end of each response is kept).</summary>
    public int EmbeddingMaxTokens { get; init; } = 256;

    /// <summary>Prompts sampled per call.</summary>
    public int PromptsPerCall { get; init; } = 32;
}
