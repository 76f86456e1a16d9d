using static TorchSharp.torch;

namespace G2rl.Exploration;

/// <summary>The entropy-bonus baseline: loss −= c_H · mean response-token entropy of π_θ; rewards unchanged.</summary>
public sealed class EntropyBonusExploration(double coefficient) : IExplorationMethod
{
    public string Name => "entropy";

    public double EntropyBonus => coefficient;

    public IFeatureSink? BeginStep(int rows, int vocabSize, Device device) => null;

    public ShapingResult Shape(ShapingInput input) => new(input.Rewards, new Dictionary<string, double>());

    public void Dispose()
    {
    }
}
