using G2rl.Evaluation;

namespace G2rl.Study;

/// <summary>
/// A finished run (or the base evaluation) as written to <c>study-run.json</c>: the key of the settings it was made with,
/// its per-step metrics and its held-out evaluation. A later study with the same key reuses it instead of training again.
/// </summary>
public sealed record StoredRun(
    string Key, string Method, int Seed, double Seconds, IReadOnlyList<Dictionary<string, double>> Steps,
    IReadOnlyList<ProblemResult> Results, IReadOnlyList<double> DistinctSolutions, StoredGeometry? Geometry,
    IReadOnlyList<ProblemResult>? Validation = null)
{
    public RunEvaluation Evaluation() => new(Results, DistinctSolutions, Geometry?.ToResult());
}
