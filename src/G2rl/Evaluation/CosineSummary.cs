namespace G2rl.Evaluation;

/// <summary>
/// Pairwise-cosine geometry of many groups (paper §3.5: 30 problems × 8 responses, the cosines of their gradient
/// features Φ or of a sentence embedding). Every pair (i &lt; j) within a group counts once; pairs never cross groups.
/// </summary>
/// <param name="Groups">Groups given, including those with fewer than two vectors.</param>
/// <param name="GroupsWithPairs">Groups with at least two vectors.</param>
/// <param name="Pairs">Pairs over all groups.</param>
/// <param name="Mean">
/// The headline "mean pairwise cosine": the mean over all pairs pooled across groups. It equals
/// <see cref="MeanOfGroupMeans"/> when all groups have the same size, as in the paper. NaN when there are no pairs.
/// </param>
/// <param name="MeanOfGroupMeans">Mean over groups with pairs of each group's mean pairwise cosine; NaN when there are no pairs.</param>
/// <param name="NegativeShare">Share of pairs with cosine &lt; 0 (the paper's "negative-cosine pairs"); NaN when there are no pairs.</param>
/// <param name="NearOrthogonalShare">Share of pairs with |cosine| &lt; <see cref="NearOrthogonal"/>; NaN when there are no pairs.</param>
/// <param name="Histogram">Counts of the pair cosines over [−1, 1].</param>
public sealed record CosineSummary(
    int Groups,
    int GroupsWithPairs,
    long Pairs,
    double Mean,
    double MeanOfGroupMeans,
    double NegativeShare,
    double NearOrthogonalShare,
    EqualWidthHistogram Histogram)
{
    /// <summary>Bound on |cosine| for a pair to count as near-orthogonal.</summary>
    public const double NearOrthogonal = 0.1;

    /// <summary>Default number of histogram bins (width 0.1).</summary>
    public const int DefaultBins = 20;
}
