namespace G2rl.Evaluation;

/// <summary>A point estimate with a two-sided confidence interval.</summary>
/// <param name="Mean">The sample mean.</param>
/// <param name="Lower">Lower bound.</param>
/// <param name="Upper">Upper bound.</param>
/// <param name="Level">Coverage, e.g. 0.95.</param>
/// <param name="Resamples">Bootstrap resamples used.</param>
public sealed record ConfidenceInterval(double Mean, double Lower, double Upper, double Level, int Resamples);
