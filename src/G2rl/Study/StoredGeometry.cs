using G2rl.Evaluation;
using G2rl.Exploration;

namespace G2rl.Study;

/// <summary>The raw data of a <see cref="GeometryResult"/> as stored in a finished run's record; the summaries are recomputed on load.</summary>
public sealed record StoredGeometry(
    string Model, IReadOnlyList<string> ProblemIds, IReadOnlyList<IReadOnlyList<string>> Texts,
    IReadOnlyList<double[]> GradientPairs, IReadOnlyList<double[]>? SemanticPairs)
{
    public static StoredGeometry From(GeometryResult g)
    {
        ArgumentNullException.ThrowIfNull(g);
        return new(g.Model, g.ProblemIds, g.Texts, g.GradientPairs, g.SemanticPairs);
    }

    public GeometryResult ToResult() => new(
        Model, ProblemIds, Texts, GradientPairs, PairwiseCosine.SummarizePairs(GradientPairs),
        SemanticPairs, SemanticPairs is null ? null : PairwiseCosine.SummarizePairs(SemanticPairs));
}
