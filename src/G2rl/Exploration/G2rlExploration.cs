using G2rl.Evaluation;
using static TorchSharp.torch;

namespace G2rl.Exploration;

/// <summary>
/// G2RL (Liang et al. 2025): sequence gradient features from the old-log-prob pass (exact π_old at the rollout temperature),
/// the groupwise score ν (eq. 9–11), ν̄ by min–max within the group, and shaped rewards r̃ = clip(r·f, −c, c) (eq. 12–13).
/// </summary>
public sealed class G2rlExploration(double lambda, ShapingMode mode, double clip, FeatureWeighting weighting) : IExplorationMethod
{
    public string Name => "g2rl";

    public double EntropyBonus => 0;

    public IFeatureSink? BeginStep(int rows, int vocabSize, Device device) => new GradientFeatureAccumulator(rows, vocabSize, device, weighting);

    public ShapingResult Shape(ShapingInput input)
    {
        var sink = input.Features as GradientFeatureAccumulator ?? throw new InvalidOperationException("G2RL needs the features of the old-log-prob pass");
        var g = input.Rewards[0].Length;
        double[][] phi;
        using (var features = sink.Finish(input.LmHead))
        {
            var flat = features.cpu().to(ScalarType.Float64).data<double>().ToArray();
            var d = (int)features.shape[1];
            phi = Enumerable.Range(0, (int)features.shape[0]).Select(r => flat.AsSpan(r * d, d).ToArray()).ToArray();
        }
        var shaped = new double[input.Rewards.Length][];
        var nus = new List<double>();
        var groups = new List<IReadOnlyList<double[]>>();
        var nuPerGroup = new double[input.Rewards.Length][];
        var cosine = new double[input.Rewards.Length][];
        for (var p = 0; p < input.Rewards.Length; p++)
        {
            var group = phi.Skip(p * g).Take(g).ToArray();
            groups.Add(group);
            var nu = GroupExplorationScore.Nu(group, input.Rewards[p]);
            nus.AddRange(nu);
            nuPerGroup[p] = nu;
            cosine[p] = MeanCosineToOthers(GroupExplorationScore.Similarity(group));
            shaped[p] = RewardShaping.Shape(input.Rewards[p], RewardShaping.MinMax(nu), lambda, mode, clip);
        }
        return new ShapingResult(shaped, GeometryMetrics(nus, groups)) { Nu = nuPerGroup, PhiCosine = cosine };
    }

    /// <summary>Row means of a cosine matrix [G][G] without the diagonal (0 for a one-member group).</summary>
    public static double[] MeanCosineToOthers(double[][] similarity) =>
        [.. similarity.Select((row, i) => row.Length < 2 ? 0.0 : row.Where((_, j) => j != i).Average())];

    /// <summary>Mean ν and the within-group pairwise-cosine statistics of Φ logged every step.</summary>
    public static Dictionary<string, double> GeometryMetrics(IReadOnlyList<double> nu, IReadOnlyList<IReadOnlyList<double[]>> groups)
    {
        var cos = PairwiseCosine.Summarize(groups);
        return new Dictionary<string, double>
        {
            ["nu_mean"] = nu.Average(),
            ["phi_cosine_mean"] = cos.Mean,
            ["phi_negative_pairs"] = cos.NegativeShare,
            ["phi_near_orthogonal_pairs"] = cos.NearOrthogonalShare,
        };
    }

    public void Dispose()
    {
    }
}
