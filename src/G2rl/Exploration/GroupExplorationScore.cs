namespace G2rl.Exploration;

/// <summary>
/// The groupwise exploration score of G2RL (paper §2.3, eq. 9–11): Φ̂ = Φ/(‖Φ‖ + ε), S_ij = ⟨Φ̂_i, Φ̂_j⟩,
/// w_ij = exp(r_j)·[j≠i] / (Σ_{k≠i} exp(r_k) + ε), ν_i = max(1 − Σ_{j≠i} w_ij S_ij², 0).
/// </summary>
public static class GroupExplorationScore
{
    /// <summary>Cosine matrix S [G][G] of the features of one group.</summary>
    public static double[][] Similarity(IReadOnlyList<double[]> features, double epsilon = 1e-8)
    {
        var normalised = features.Select(f =>
        {
            var norm = Math.Sqrt(f.Sum(x => x * x));
            return f.Select(x => x / (norm + epsilon)).ToArray();
        }).ToArray();
        return normalised.Select(a => normalised.Select(b => a.Zip(b, (x, y) => x * y).Sum()).ToArray()).ToArray();
    }

    /// <summary>Reward weights w [G][G] (zero diagonal; each row sums to 1 up to ε when G ≥ 2).</summary>
    public static double[][] Weights(IReadOnlyList<double> rewards, double epsilon = 1e-8)
    {
        var g = rewards.Count;
        var exp = rewards.Select(Math.Exp).ToArray();
        return Enumerable.Range(0, g).Select(i =>
        {
            var denominator = exp.Where((_, k) => k != i).Sum() + epsilon;
            return Enumerable.Range(0, g).Select(j => j == i ? 0.0 : exp[j] / denominator).ToArray();
        }).ToArray();
    }

    /// <summary>ν [G] ∈ [0, 1]: ≈ 0 when a response's feature is explained by its (high-reward) peers, ≈ 1 when orthogonal to them. A one-member group gets 1.</summary>
    public static double[] Nu(IReadOnlyList<double[]> features, IReadOnlyList<double> rewards, double epsilon = 1e-8)
    {
        var s = Similarity(features, epsilon);
        var w = Weights(rewards, epsilon);
        return Enumerable.Range(0, features.Count)
            .Select(i => Math.Max(1 - Enumerable.Range(0, features.Count).Where(j => j != i).Sum(j => w[i][j] * s[i][j] * s[i][j]), 0))
            .ToArray();
    }
}
