namespace G2rl.Rewards;

/// <summary>
/// One response's base reward split into the verifier's weighted term (what G2RL shapes, as r in the paper) and the rest (other
/// weighted functions and DAPO's overlong penalty, added after shaping), with the unweighted score of every term by name.
/// </summary>
public sealed record WeightedScore(double Verifier, double Other, IReadOnlyDictionary<string, double> Breakdown)
{
    /// <summary>The base reward: <see cref="Verifier"/> + <see cref="Other"/>.</summary>
    public double Total => Verifier + Other;
}
