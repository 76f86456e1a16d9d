namespace G2rl.Training.Config;

/// <summary>Length, seed and output of a run.</summary>
public sealed record RunSection
{
    /// <summary>Training steps (the paper's curves span about 200).</summary>
    public int Steps { get; init; } = 200;

    /// <summary>Seed of data order, sampling and initialisation; the same seed and config give the same run on CPU.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Run directory (metrics.jsonl, TensorBoard events, checkpoints, resolved config).</summary>
    public string OutputDir { get; init; } = "runs/g2rl";

    /// <summary>Stop after this many consecutive skipped (NaN/Inf) steps, keeping the last good checkpoint.</summary>
    public int MaxBadSteps { get; init; } = 5;

    /// <summary>CPU threads for libtorch (0 = libtorch's default).</summary>
    public int Threads { get; init; }
}
