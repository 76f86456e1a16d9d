using G2rl.Evaluation;

namespace G2rl.Exploration;

/// <summary>
/// EVOL-RL-style novelty rewards from an external sentence embedding (g2rl-method.md §7):
/// novelty_i = 1 − (0.5·mean cos to the other samples with the same correctness + 0.5·max cos to any other sample);
/// ν̃ = min–max of novelty within the correct and within the incorrect samples separately;
/// reward = 0.5 + 0.5·ν̃ if correct, −1 + 0.5·ν̃ if incorrect, −1 when no final answer could be extracted.
/// Degenerate cases: no peer with the same correctness → that mean term is 0; no other sample → max term 0; a class of one or
/// with all-equal novelty → ν̃ = 0.
/// </summary>
public static class EvolNovelty
{
    /// <summary>Rewards of one group from unit embeddings [G][D], correctness and answer presence.</summary>
    public static double[] Rewards(IReadOnlyList<float[]> embeddings, IReadOnlyList<bool> correct, IReadOnlyList<bool> hasAnswer)
    {
        var g = embeddings.Count;
        var novelty = new double[g];
        for (var i = 0; i < g; i++)
        {
            var others = Enumerable.Range(0, g).Where(j => j != i).ToList();
            var same = others.Where(j => correct[j] == correct[i]).Select(j => PairwiseCosine.Cosine(embeddings[i], embeddings[j])).ToList();
            var all = others.Select(j => PairwiseCosine.Cosine(embeddings[i], embeddings[j])).ToList();
            novelty[i] = 1 - ((0.5 * (same.Count > 0 ? same.Average() : 0)) + (0.5 * (all.Count > 0 ? all.Max() : 0)));
        }
        var normalised = new double[g];
        foreach (var cls in new[] { true, false })
        {
            var members = Enumerable.Range(0, g).Where(i => correct[i] == cls).ToList();
            if (members.Count == 0)
            {
                continue;
            }
            var scaled = RewardShaping.MinMax(members.Select(i => novelty[i]).ToList());
            for (var k = 0; k < members.Count; k++)
            {
                normalised[members[k]] = scaled[k];
            }
        }
        return [.. Enumerable.Range(0, g).Select(i => !hasAnswer[i] ? -1.0 : correct[i] ? 0.5 + (0.5 * normalised[i]) : -1.0 + (0.5 * normalised[i]))];
    }
}
