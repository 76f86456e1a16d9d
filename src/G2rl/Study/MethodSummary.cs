using G2rl.Evaluation;

namespace G2rl.Study;

/// <summary>
/// One method's held-out results over its RL seeds: pass@1 with a seed-aware (hierarchical) bootstrap interval, the seed-level
/// mean and SD, maj@n, pass@k (paper definition and unbiased), distinct correct solutions, geometry, and the difference of
/// pass@1 to GRPO, both seed-aware (the verdict's) and over problems only (for contrast: it ignores seed-to-seed spread).
/// </summary>
public sealed record MethodSummary(
    string Method, int Seeds, double Pass1, ConfidenceInterval Pass1Interval, SeedSpread SeedPass1, double Majority,
    IReadOnlyDictionary<int, double> PassAtK, IReadOnlyDictionary<int, double> PassAtKUnbiased, double DistinctSolutions,
    double GradientCosine, double GradientNegativeShare, double? EmbeddingCosine,
    ConfidenceInterval? DeltaVsGrpo, ConfidenceInterval? DeltaVsGrpoProblemsOnly, double TrainSeconds)
{
    /// <summary>Per-problem accuracy (mean over samples and seeds) of the evaluations.</summary>
    public static double[] ProblemAccuracy(IReadOnlyList<RunEvaluation> evaluations) =>
        [.. Enumerable.Range(0, evaluations[0].Results.Count).Select(i => evaluations.Average(e => e.Results[i].Correct.Average(c => c ? 1.0 : 0.0)))];

    /// <summary>Accuracy per seed and problem: [seed][problem] = share of correct samples.</summary>
    public static IReadOnlyList<IReadOnlyList<double>> SeedProblemAccuracy(IReadOnlyList<RunEvaluation> evaluations) =>
        [.. evaluations.Select(e => (IReadOnlyList<double>)[.. e.Results.Select(r => r.Correct.Average(c => c ? 1.0 : 0.0))])];

    public static MethodSummary Of(string method, IReadOnlyList<RunEvaluation> evaluations, IReadOnlyList<RunEvaluation>? grpo, int seed, double trainSeconds)
    {
        var accuracy = ProblemAccuracy(evaluations);
        var cells = SeedProblemAccuracy(evaluations);
        var metrics = evaluations.Select(e => BenchmarkMetrics.Compute(method, e.Results)).ToList();
        var ks = metrics[0].PassAtK.Keys.ToList();
        ConfidenceInterval? delta = grpo is null ? null : HierarchicalBootstrap.OfDifference(cells, SeedProblemAccuracy(grpo), seed);
        ConfidenceInterval? problemsOnly = grpo is null ? null
            : BootstrapInterval.OfMean([.. accuracy.Zip(ProblemAccuracy(grpo), (a, b) => a - b)], seed);
        return new MethodSummary(
            method, evaluations.Count, accuracy.Average(), HierarchicalBootstrap.OfMean(cells, seed),
            SeedSpread.Of([.. cells.Select(row => row.Average())]),
            metrics.Average(m => m.Majority ?? 0),
            ks.ToDictionary(k => k, k => metrics.Average(m => m.PassAtKFirst[k])),
            ks.ToDictionary(k => k, k => metrics.Average(m => m.PassAtK[k])),
            evaluations.Average(e => e.DistinctSolutions.Average()),
            evaluations.Average(e => e.Geometry?.Gradient.Mean ?? double.NaN),
            evaluations.Average(e => e.Geometry?.Gradient.NegativeShare ?? double.NaN),
            evaluations.All(e => e.Geometry?.Semantic is not null) ? evaluations.Average(e => e.Geometry!.Semantic!.Mean) : null,
            delta, problemsOnly, trainSeconds);
    }
}
