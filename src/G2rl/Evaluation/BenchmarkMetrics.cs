namespace G2rl.Evaluation;

/// <summary>Metrics of one group of problems; every value is a mean over problems, in [0, 1].</summary>
/// <param name="Benchmark">Group name (<see cref="EvalSummary.MicroName"/> for the micro-average).</param>
/// <param name="Problems">Number of problems.</param>
/// <param name="Samples">Smallest number of samples of any problem (the largest k that can be reported).</param>
/// <param name="Pass1">Mean over problems of c/n (the per-problem sample accuracy).</param>
/// <param name="PassAtK">k → mean unbiased pass@k (<see cref="PassAtK.Unbiased(int, int, int)"/>).</param>
/// <param name="PassAtKFirst">k → mean of the paper's pass@k (<see cref="PassAtK.FirstK"/>, first k samples).</param>
/// <param name="Majority">Mean of <see cref="ProblemResult.MajorityCorrect"/> over the problems that have it; null if none has.</param>
/// <param name="MajorityProblems">Number of problems with a majority result.</param>
/// <param name="Pass1Interval">Bootstrap interval of <paramref name="Pass1"/>, when requested.</param>
public sealed record BenchmarkMetrics(
    string Benchmark,
    int Problems,
    int Samples,
    double Pass1,
    IReadOnlyDictionary<int, double> PassAtK,
    IReadOnlyDictionary<int, double> PassAtKFirst,
    double? Majority,
    int MajorityProblems,
    ConfidenceInterval? Pass1Interval)
{
    /// <summary>
    /// Computes the metrics of <paramref name="results"/> (non-empty, each with ≥ 1 sample) for the given
    /// <paramref name="ks"/> (default <see cref="Evaluation.PassAtK.Ks"/> of <see cref="Samples"/>).
    /// With <paramref name="bootstrapSeed"/>, also a 95% percentile-bootstrap interval of pass@1.
    /// </summary>
    public static BenchmarkMetrics Compute(
        string benchmark,
        IReadOnlyList<ProblemResult> results,
        IReadOnlyList<int>? ks = null,
        int? bootstrapSeed = null,
        int bootstrapResamples = 1000)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
        {
            throw new ArgumentException($"'{benchmark}' has no problems", nameof(results));
        }

        var empty = results.FirstOrDefault(r => r.Correct.Count == 0);
        if (empty is not null)
        {
            throw new ArgumentException($"'{empty.Benchmark}' problem '{empty.ProblemId}' has no samples", nameof(results));
        }

        var samples = results.Min(r => r.Correct.Count);
        ks ??= Evaluation.PassAtK.Ks(samples);
        foreach (var k in ks.Where(k => k < 1 || k > samples))
        {
            throw new ArgumentException(
                $"pass@{k} needs 1 <= k <= {samples}, the fewest samples of a '{benchmark}' problem", nameof(ks));
        }

        var accuracies = results.Select(r => (double)r.Correct.Count(x => x) / r.Correct.Count).ToArray();
        var unbiased = new SortedDictionary<int, double>();
        var first = new SortedDictionary<int, double>();
        foreach (var k in ks)
        {
            unbiased[k] = results.Average(r => Evaluation.PassAtK.Unbiased(r.Correct, k));
            first[k] = results.Average(r => Evaluation.PassAtK.FirstK(r.Correct, k));
        }

        var voted = results.Where(r => r.MajorityCorrect is not null).ToArray();
        var majority = voted.Length == 0 ? (double?)null : voted.Average(r => r.MajorityCorrect!.Value ? 1.0 : 0.0);
        var interval = bootstrapSeed is { } seed
            ? BootstrapInterval.OfMean(accuracies, seed, bootstrapResamples)
            : null;
        return new BenchmarkMetrics(
            benchmark, results.Count, samples, accuracies.Average(), unbiased, first, majority, voted.Length, interval);
    }
}
