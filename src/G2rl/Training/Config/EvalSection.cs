namespace G2rl.Training.Config;

/// <summary>Periodic evaluation on the held-out sets.</summary>
public sealed record EvalSection
{
    /// <summary>Evaluate every N steps (and after the last); 0 disables.</summary>
    public int Every { get; init; }

    /// <summary>Samples per problem (pass@1 = mean accuracy over them).</summary>
    public int Samples { get; init; } = 1;

    /// <summary>Sampling temperature (the paper evaluates at 0.8).</summary>
    public double Temperature { get; init; } = 0.8;

    /// <summary>Response length limit; 0 = the rollout limit.</summary>
    public int MaxNewTokens { get; init; }

    /// <summary>Use only the first N problems of each set (0 = all).</summary>
    public int Limit { get; init; }
}
