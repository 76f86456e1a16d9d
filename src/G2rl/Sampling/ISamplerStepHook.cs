using static TorchSharp.torch;

namespace G2rl.Sampling;

/// <summary>
/// Receives every decoding step's logits for the rows still running, before any transform, with the tokens
/// sampled from them; used to accumulate statistics (e.g. G2RL features) without another forward pass.
/// Tensors are only valid during the call. With continuous batching the rows of one step are at different response positions.
/// </summary>
public interface ISamplerStepHook
{
    /// <summary>
    /// <paramref name="logits"/> [R, V] float32 raw logits; <paramref name="tokens"/> [R] int64 sampled tokens; <paramref name="rows"/>
    /// the R output-row indices (prompt index × group size + member); <paramref name="steps"/> each row's 0-based response position.
    /// </summary>
    void OnStep(Tensor logits, Tensor tokens, IReadOnlyList<int> rows, IReadOnlyList<int> steps);
}
