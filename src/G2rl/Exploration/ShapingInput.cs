using static TorchSharp.torch;

namespace G2rl.Exploration;

/// <summary>
/// What reward shaping sees for one step: base rewards and correctness [P][G], whether an answer could be extracted,
/// the response texts, the LM-head weight E [V, d] (to finish gradient features), and the sink returned by BeginStep.
/// </summary>
public sealed record ShapingInput(
    double[][] Rewards,
    bool[][] Correct,
    bool[][] HasAnswer,
    string[][] Texts,
    Tensor LmHead,
    IFeatureSink? Features);
