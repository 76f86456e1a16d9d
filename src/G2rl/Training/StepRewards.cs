namespace G2rl.Training;

/// <summary>
/// Base rewards, correctness, answer presence and texts of a step, each [P][G]; plus the verifier's weighted term of the base reward
/// (what exploration shapes), the extracted answers and each response's reward breakdown by term name.
/// </summary>
public sealed record StepRewards(double[][] Rewards, bool[][] Correct, bool[][] HasAnswer, string[][] Texts)
{
    /// <summary>The verifier's weighted term of <see cref="Rewards"/> [P][G]; the rest (other functions, overlong penalty) is added after shaping.</summary>
    public required double[][] VerifierTerm { get; init; }

    /// <summary>The verifier's extracted answer [P][G] (null when none).</summary>
    public required string?[][] Extracted { get; init; }

    /// <summary>Unweighted score of every reward term by name [P][G].</summary>
    public required IReadOnlyDictionary<string, double>[][] Breakdown { get; init; }

    /// <summary>The groups <paramref name="picks"/> (source step rewards, group index), in order, as one step's rewards.</summary>
    public static StepRewards Gather(IReadOnlyList<(StepRewards Source, int Group)> picks) =>
        new([.. picks.Select(p => p.Source.Rewards[p.Group])], [.. picks.Select(p => p.Source.Correct[p.Group])],
            [.. picks.Select(p => p.Source.HasAnswer[p.Group])], [.. picks.Select(p => p.Source.Texts[p.Group])])
        {
            VerifierTerm = [.. picks.Select(p => p.Source.VerifierTerm[p.Group])],
            Extracted = [.. picks.Select(p => p.Source.Extracted[p.Group])],
            Breakdown = [.. picks.Select(p => p.Source.Breakdown[p.Group])],
        };

    /// <summary>Rewards after shaping [P][G]: shaped verifier term + the other terms.</summary>
    public double[][] AddOtherTerms(double[][] shapedVerifierTerm) =>
        [.. shapedVerifierTerm.Select((g, p) => g.Select((v, j) => v + (Rewards[p][j] - VerifierTerm[p][j])).ToArray())];
}
