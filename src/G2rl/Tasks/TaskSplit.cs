using G2rl.Data;

namespace G2rl.Tasks;

/// <summary>Disjoint training and held-out problems of one synthetic task (no question appears in both).</summary>
/// <param name="Train">Training problems, ids <c>NAME-train-000000</c>, <c>NAME-train-000001</c>, …</param>
/// <param name="HeldOut">Held-out problems, ids <c>NAME-heldout-000000</c>, …</param>
public sealed record TaskSplit(IReadOnlyList<Problem> Train, IReadOnlyList<Problem> HeldOut);
