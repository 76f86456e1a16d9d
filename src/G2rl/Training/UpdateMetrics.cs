namespace G2rl.Training;

/// <summary>Outcome of a step's policy update (token-weighted means over the update's response tokens).</summary>
public sealed record UpdateMetrics(
    double Loss, double PolicyLoss, double Kl, double Entropy, double ClipFraction, double RatioMean,
    double GradNorm, int OptimizerSteps, int SkippedSteps);
