namespace G2rl.Training;

/// <summary>Steps completed, why the run stopped, and the latest checkpoint folder.</summary>
public sealed record TrainingOutcome(int Steps, TrainingStop Stop, string? LatestCheckpoint);
