namespace G2rl.Evaluation;

/// <summary>Per-benchmark metrics and their micro-average (every problem of every benchmark weighted equally).</summary>
/// <param name="Benchmarks">One row per distinct <see cref="ProblemResult.Benchmark"/>, in order of first appearance.</param>
/// <param name="Micro">All problems pooled, named <see cref="MicroName"/>.</param>
public sealed record EvalSummary(IReadOnlyList<BenchmarkMetrics> Benchmarks, BenchmarkMetrics Micro)
{
    /// <summary>Name of the micro-average row.</summary>
    public const string MicroName = "micro";

    /// <summary>
    /// Aggregates per-problem results. <paramref name="ks"/> defaults, per row, to
    /// <see cref="PassAtK.Ks"/> of the row's fewest samples; given explicitly, every k must fit every row.
    /// <paramref name="bootstrapSeed"/> (optional) adds pass@1 bootstrap intervals (seed + row index per row).
    /// </summary>
    /// <exception cref="ArgumentException">No results, a problem without samples, or a repeated (benchmark, id).</exception>
    public static EvalSummary Compute(
        IReadOnlyList<ProblemResult> results,
        IReadOnlyList<int>? ks = null,
        int? bootstrapSeed = null,
        int bootstrapResamples = 1000)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            throw new ArgumentException("no problem results to summarise", nameof(results));
        }

        var seen = new HashSet<(string, string)>();
        foreach (var r in results)
        {
            if (!seen.Add((r.Benchmark, r.ProblemId)))
            {
                throw new ArgumentException($"problem '{r.ProblemId}' of '{r.Benchmark}' appears twice", nameof(results));
            }
        }

        var groups = results.GroupBy(r => r.Benchmark, StringComparer.Ordinal).ToArray();
        var rows = groups
            .Select((g, i) => BenchmarkMetrics.Compute(g.Key, g.ToArray(), ks, bootstrapSeed + i, bootstrapResamples))
            .ToArray();
        var micro = BenchmarkMetrics.Compute(MicroName, results, ks, bootstrapSeed + groups.Length, bootstrapResamples);
        return new EvalSummary(rows, micro);
    }
}
