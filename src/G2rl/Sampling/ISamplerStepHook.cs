using static TorchSharp.torch;

namespace G2rl.Sampling;

/// <summary>
/// Receives every decoding step's logits for the rows still running, before any transform, with the tokens
/// sampled from them; used to accumulate statistics (e.g. G2RL features) without another forward pass.
/// Tensors are only valid during the call.
/// </summary>
public interface ISamplerStepHook
{
    /// <summary>
    /// <paramref name="logits"/> [R, V] float32 raw logits; <paramref name="rows"/> [R] int64 output-row indices
    /// (prompt index × group size + member); <paramref name="tokens"/> [R] int64 sampled tokens; <paramref name="step"/> = 0-based response position.
    /// </summary>
    void OnStep(Tensor logits, Tensor rows, Tensor tokens, int step);
}
