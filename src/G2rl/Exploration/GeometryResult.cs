using G2rl.Evaluation;

namespace G2rl.Exploration;

/// <summary>
/// The §3.5 geometry of a model's samples: within-problem pairwise cosines of the gradient features Φ and of an external
/// sentence embedding (null without an encoder), with their summaries, and the sampled texts per problem.
/// </summary>
public sealed record GeometryResult(
    string Model,
    IReadOnlyList<string> ProblemIds,
    IReadOnlyList<IReadOnlyList<string>> Texts,
    IReadOnlyList<double[]> GradientPairs,
    CosineSummary Gradient,
    IReadOnlyList<double[]>? SemanticPairs,
    CosineSummary? Semantic);
