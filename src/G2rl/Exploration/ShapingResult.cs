namespace G2rl.Exploration;

/// <summary>Shaped rewards [P][G] and metrics of the method for this step (e.g. mean ν, pairwise cosines).</summary>
public sealed record ShapingResult(double[][] Rewards, IReadOnlyDictionary<string, double> Metrics);
