using G2rl.Rl;
using static TorchSharp.torch;

namespace G2rl.Exploration;

/// <summary>
/// The seam where exploration methods act on GRPO: (1) optionally observe the exact π_old distributions of the old-log-prob
/// pass to build features, (2) reshape the verifier's rewards before advantages, (3) add an entropy bonus to the loss.
/// </summary>
public interface IExplorationMethod : IDisposable
{
    /// <summary>Config name (none, g2rl, entropy, evol).</summary>
    string Name { get; }

    /// <summary>Coefficient c_H of the entropy bonus (loss −= c_H · mean response-token entropy); 0 for none.</summary>
    double EntropyBonus { get; }

    /// <summary>Starts a step of <paramref name="rows"/> rollouts; returns a sink for the old-log-prob pass, or null if unused.</summary>
    IFeatureSink? BeginStep(int rows, int vocabSize, Device device);

    /// <summary>Shaped rewards [P][G] (P prompts × G responses) and the method's step metrics.</summary>
    ShapingResult Shape(ShapingInput input);
}
