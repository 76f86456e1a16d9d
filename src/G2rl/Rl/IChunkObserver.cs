using static TorchSharp.torch;

namespace G2rl.Rl;

/// <summary>
/// Sees the distributions of a no-grad chunked log-prob pass (used to accumulate G2RL features from the exact π_old
/// distribution without another forward). Tensors are valid only during the call.
/// </summary>
public interface IChunkObserver
{
    /// <summary>
    /// <paramref name="positions"/> [n] int64 flat target indices b·(T−1) + t; <paramref name="probs"/> [n, V] float32 =
    /// softmax(z / temperature); <paramref name="targets"/> [n] int64 = ids[b, t+1].
    /// </summary>
    void Observe(Tensor positions, Tensor probs, Tensor targets);
}
