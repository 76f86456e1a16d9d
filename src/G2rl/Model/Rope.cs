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
    /// cos and sin, each [B, 1, T, D] in <paramref name="dtype"/>, for position ids [B, T] int64. The inverse
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
        var sin = emb.sin().to(dtype).MoveToOuterDisposeScope();
        return (cos, sin);
    }

    /// <summary>x·cos + rotate_half(x)·sin for x [B, H, T, D].</summary>
    public static Tensor Apply(Tensor x, Tensor cos, Tensor sin)
    {
        using var scope = NewDisposeScope();
        var half = x.shape[^1] / 2;
        var x1 = x.narrow(-1, 0, half);
        var x2 = x.narrow(-1, half, half);
        var rotated = torch.cat([-x2, x1], -1);
        return ((x * cos) + (rotated * sin)).MoveToOuterDisposeScope();
    }
}
