using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Rl;

/// <summary>
/// DAPO's overlong filtering (Yu et al. 2025, arXiv 2503.14476, §3.4): responses cut off at the length limit get no policy loss, so
/// a reasoning chain that was merely too long is not punished as if it were wrong.
/// </summary>
public static class TruncationMask
{
    /// <summary>mask [B, T] float32 and truncated [B] bool → mask [B, T] float32 with the truncated rows zeroed.</summary>
    public static Tensor Apply(Tensor mask, Tensor truncated)
    {
        using var scope = NewDisposeScope();
        var keep = truncated.logical_not().to(mask.dtype).unsqueeze(1);
        return (mask * keep).MoveToOuterDisposeScope();
    }
}
