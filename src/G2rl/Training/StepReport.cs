namespace G2rl.Training;

/// <summary>Metrics of one training step, in the order they are logged.</summary>
public sealed record StepReport(int Step, IReadOnlyDictionary<string, double> Metrics, UpdateMetrics Update)
{
    /// <summary>True when no optimizer update was applied because the loss or gradients were not finite.</summary>
    public bool Skipped => Update.OptimizerSteps == 0 && Update.SkippedSteps > 0;

    /// <summary>The step's completions when log.completions_every makes it due (else null); <see cref="TrainingRun"/> writes them.</summary>
    public IReadOnlyList<CompletionsLine>? Completions { get; init; }
}
