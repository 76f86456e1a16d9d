using G2rl.Exploration;
using G2rl.Training.Config;

namespace G2rl.Training;

/// <summary>Creates the exploration method named by exploration.method (the one switch over method names).</summary>
public static class ExplorationFactory
{
    public static IExplorationMethod Create(TrainConfig config)
    {
        var e = config.Exploration;
        return e.Method switch
        {
            "none" => new NoExploration(),
            "g2rl" => new G2rlExploration(e.Lambda, e.Mode == "prose" ? ShapingMode.Prose : ShapingMode.Printed, e.Clip,
                e.Weighting == "entropy" ? FeatureWeighting.Entropy : FeatureWeighting.Uniform),
            "entropy" => new EntropyBonusExploration(e.EntropyCoef),
            "evol" => new EvolExploration(new MiniLmSentenceEncoder(new MiniLmOptions(Truncation: TokenTruncation.KeepEnd)), e.EvolTailChars),
            _ => throw new G2rlException($"unknown exploration.method '{e.Method}' (none, g2rl, entropy, evol)"),
        };
    }
}
