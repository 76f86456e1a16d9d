namespace G2rl.Exploration;

/// <summary>Shaped rewards [P][G] and metrics of the method for this step (e.g. mean ν, pairwise cosines).</summary>
public sealed record ShapingResult(double[][] Rewards, IReadOnlyDictionary<string, double> Metrics)
{
    /// <summary>G2RL's ν per response [P][G] (null for other methods); written to the completions files.</summary>
    public double[][]? Nu { get; init; }

    /// <summary>G2RL: mean cosine of each response's Φ to the other members of its group [P][G] (null for other methods).</summary>
    public double[][]? PhiCosine { get; init; }
}
