using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Model;

/// <summary>
/// Rotary position embedding (default rope type) as transformers computes it: inverse frequencies
/// 1/θ^(2i/D) and cos/sin in float32 from explicit position ids, then cast to the activation dtype.
/// </summary>
public static class Rope
{
    /// <summary>
    /// cos and the signed sin, each [B, 1, T, D] in <paramref name="dtype"/>, for position ids [B, T] int64; the signed sin is
    /// [−sin, sin] over the two halves of D (rotate_half's sign folded in, see <see cref="Apply"/>). The inverse
    /// frequencies are rounded to <paramref name="frequencyDType"/> first when it is not float32: transformers casts its
    /// inv_freq buffer with the weights when it loads a half-precision checkpoint, and parity needs the same rounding.
    /// </summary>
    public static (Tensor Cos, Tensor Sin) CosSin(Tensor positionIds, int headDim, double theta, ScalarType dtype, ScalarType frequencyDType = ScalarType.Float32)
    {
        using var scope = NewDisposeScope();
        var exponents = torch.arange(0, headDim, 2, ScalarType.Int64, positionIds.device).to(ScalarType.Float32) / headDim;
        var invFreq = 1.0f / torch.pow(torch.tensor((float)theta, device: positionIds.device), exponents);
        if (frequencyDType != ScalarType.Float32)
        {
            invFreq = invFreq.to(frequencyDType).to(ScalarType.Float32);
        }
        var freqs = positionIds.to(ScalarType.Float32).unsqueeze(-1) * invFreq; // [B, T, D/2]
        var emb = torch.cat([freqs, freqs], -1).unsqueeze(1);                    // [B, 1, T, D]
        var cos = emb.cos().to(dtype).MoveToOuterDisposeScope();
        var s = freqs.sin();
        var sin = torch.cat([-s, s], -1).unsqueeze(1).to(dtype).MoveToOuterDisposeScope();
        return (cos, sin);
    }

    /// <summary>
    /// x·cos + rotate_half(x)·sin for x [B, H, T, D], with <paramref name="signedSin"/> from <see cref="CosSin"/>: rotate_half(x)·sin
    /// = [−x2·sin, x1·sin] = roll(x, D/2)·[−sin, sin], bit for bit (negation is exact), in one call (roll) instead of four
    /// (two narrows, a negation and a cat): this runs twice per layer at every decode step.
    /// </summary>
    public static Tensor Apply(Tensor x, Tensor cos, Tensor signedSin)
    {
        using var scope = NewDisposeScope();
        var rotated = x.roll(x.shape[^1] / 2, -1);
        return ((x * cos) + (rotated * signedSin)).MoveToOuterDisposeScope();
    }
}
