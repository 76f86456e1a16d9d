namespace G2rl.Exploration;

/// <summary>Plain GRPO: rewards unchanged, no bonus.</summary>
public sealed class NoExploration : IExplorationMethod
{
    public string Name => "none";

    public double EntropyBonus => 0;

    public IFeatureSink? BeginStep(int rows, int vocabSize, TorchSharp.torch.Device device) => null;

    public ShapingResult Shape(ShapingInput input) => new(input.Rewards, new Dictionary<string, double>());

    public void Dispose()
    {
    }
}
