namespace G2rl.Evaluation;

/// <summary>Graded samples for one problem.</summary>
/// <param name="Benchmark">Group to aggregate under (a benchmark name, or e.g. <c>mmlu_pro/law</c> for per-category tables).</param>
/// <param name="ProblemId">Problem id, unique within <paramref name="Benchmark"/>.</param>
/// <param name="Correct">Verified correctness of each sample, in sampling order (n = Count ≥ 1).</param>
/// <param name="MajorityCorrect">Whether the majority-vote winner (maj@k, computed by the caller with
/// <see cref="MajorityVote.IsCorrect"/>) is correct; null when not computed.</param>
public sealed record ProblemResult(string Benchmark, string ProblemId, IReadOnlyList<bool> Correct, bool? MajorityCorrect = null);
