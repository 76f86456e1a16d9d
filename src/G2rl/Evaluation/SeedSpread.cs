namespace G2rl.Evaluation;

/// <summary>Seed-level summary of one method: the mean and sample standard deviation (n − 1) of its per-seed scores.</summary>
/// <param name="Values">One score per RL seed (e.g. held-out pass@1).</param>
/// <param name="Mean">Mean over seeds.</param>
/// <param name="Sd">Sample standard deviation over seeds; null with fewer than 2 seeds.</param>
public sealed record SeedSpread(IReadOnlyList<double> Values, double Mean, double? Sd)
{
    /// <summary>Summarises <paramref name="values"/> (at least one).</summary>
    public static SeedSpread Of(IReadOnlyList<double> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count == 0)
        {
            throw new ArgumentException("need at least one seed", nameof(values));
        }
        var mean = values.Average();
        double? sd = values.Count < 2 ? null : Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1));
        return new SeedSpread([.. values], mean, sd);
    }
}
