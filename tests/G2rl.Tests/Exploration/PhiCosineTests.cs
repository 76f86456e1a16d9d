using G2rl.Exploration;

namespace G2rl.Tests.Exploration;

/// <summary>The per-response Φ-cosine written to completions files: the mean cosine to the other members of the group.</summary>
public sealed class PhiCosineTests
{
    [Fact]
    public void MeanCosineToOthersSkipsTheDiagonal()
    {
        double[][] s = [[1, 0.5, -0.2], [0.5, 1, 0.1], [-0.2, 0.1, 1]];
        var c = G2rlExploration.MeanCosineToOthers(s);
        Assert.Equal(0.15, c[0], 12);
        Assert.Equal(0.3, c[1], 12);
        Assert.Equal(-0.05, c[2], 12);
        Assert.Equal([0.0], G2rlExploration.MeanCosineToOthers([[1.0]]));
    }

    [Fact]
    public void ItIsComputedFromTheFeatureCosines()
    {
        double[][] features = [[1, 0], [0, 2], [3, 3]];
        var c = G2rlExploration.MeanCosineToOthers(GroupExplorationScore.Similarity(features));
        var diagonal = Math.Sqrt(0.5); // cos 45°
        Assert.Equal(diagonal / 2, c[0], 6);
        Assert.Equal(diagonal / 2, c[1], 6);
        Assert.Equal(diagonal, c[2], 6);
    }
}
