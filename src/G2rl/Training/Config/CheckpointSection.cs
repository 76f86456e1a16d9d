namespace G2rl.Training.Config;

/// <summary>Checkpointing.</summary>
public sealed record CheckpointSection
{
    /// <summary>Save every N steps (and at the end); 0 = only at the end.</summary>
    public int Every { get; init; } = 50;

    /// <summary>Checkpoints kept (older ones are deleted after a newer one is complete).</summary>
    public int KeepLast { get; init; } = 3;

    /// <summary>Dtype of saved weights; null keeps the training dtype.</summary>
    public string? SaveDtype { get; init; }
}
