using static TorchSharp.torch;

namespace G2rl.Training;

/// <summary>Per-target log π_old, log π_ref (null without KL) and the entropy of π_old, each [N, T−1] float32 (0 off the response). Owns its tensors.</summary>
public sealed class StepLogProbs(Tensor old, Tensor? reference, Tensor entropy) : IDisposable
{
    public Tensor Old { get; } = old;

    public Tensor? Reference { get; } = reference;

    public Tensor Entropy { get; } = entropy;

    public void Dispose()
    {
        Old.Dispose();
        Reference?.Dispose();
        Entropy.Dispose();
    }
}
