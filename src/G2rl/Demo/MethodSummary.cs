using G2rl.Evaluation;

namespace G2rl.Demo;

/// <summary>
/// One method's held-out results pooled over its seeds: per-problem accuracy averaged over seeds, pass@1 with a bootstrap
/// interval over problems, maj@n, pass@k (paper definition and unbiased), distinct correct solutions, geometry, and the
/// paired difference of pass@1 to GRPO.
/// </summary>
public sealed record MethodSummary(
    string Method, int Seeds, double Pass1, ConfidenceInterval Pass1Interval, double Majority,
    IReadOnlyDictionary<int, double> PassAtK, IReadOnlyDictionary<int, double> PassAtKUnbiased, double DistinctSolutions,
    double GradientCosine, double GradientNegativeShare, double? EmbeddingCosine, ConfidenceInterval? DeltaVsGrpo, double TrainSeconds)
{
    /// <summary>Per-problem accuracy (mean over samples and seeds) of the evaluations.</summary>
    public static double[] ProblemAccuracy(IReadOnlyList<DemoEvaluation> evaluations) =>
        [.. Enumerable.Range(0, evaluations[0].Results.Count).Select(i => evaluations.Average(e => e.Results[i].Correct.Average(c => c ? 1.0 : 0.0)))];

    public static MethodSummary Of(string method, IReadOnlyList<DemoEvaluation> evaluations, double[]? grpoAccuracy, int seed, double trainSeconds)
    {
        var accuracy = ProblemAccuracy(evaluations);
        var metrics = evaluations.Select(e => BenchmarkMetrics.Compute(method, e.Results)).ToList();
        var ks = metrics[0].PassAtK.Keys.ToList();
        ConfidenceInterval? delta = grpoAccuracy is null ? null
            : BootstrapInterval.OfMean([.. accuracy.Zip(grpoAccuracy, (a, b) => a - b)], seed);
        return new MethodSummary(
            method, evaluations.Count, accuracy.Average(), BootstrapInterval.OfMean(accuracy, seed),
            metrics.Average(m => m.Majority ?? 0),
            ks.ToDictionary(k => k, k => metrics.Average(m => m.PassAtKFirst[k])),
            ks.ToDictionary(k => k, k => metrics.Average(m => m.PassAtK[k])),
            evaluations.Average(e => e.DistinctSolutions.Average()),
            evaluations.Average(e => e.Geometry.Gradient.Mean),
            evaluations.Average(e => e.Geometry.Gradient.NegativeShare),
            evaluations.All(e => e.Geometry.Semantic is not null) ? evaluations.Average(e => e.Geometry.Semantic!.Mean) : null,
            delta, trainSeconds);
    }
}
