using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Model;

/// <summary>The one home of position ids and attention masks for (left-)padded batches.</summary>
public static class AttentionMasks
{
    /// <summary>
    /// Position ids [B, T] int64 that count only real tokens, as transformers does: cumsum(mask) − 1, with
    /// padded positions set to 1. <paramref name="attentionMask"/> is [B, T] (1 = token, 0 = padding).
    /// </summary>
    public static Tensor PositionIds(Tensor attentionMask)
    {
        using var scope = NewDisposeScope();
        var m = attentionMask.to(ScalarType.Int64);
        var pos = m.cumsum(-1, ScalarType.Int64) - 1;
        return pos.masked_fill(m.eq(0), 1).MoveToOuterDisposeScope();
    }

    /// <summary>
    /// Additive causal mask [B, 1, Tq, Tk] in <paramref name="dtype"/>: query i (absolute column
    /// <paramref name="queryStart"/> + i) may attend key column j when j ≤ queryStart + i and
    /// <paramref name="keyMask"/>[b, j] is 1; other entries hold the dtype's most negative finite value, so a
    /// fully masked (padding) query row stays finite instead of NaN.
    /// </summary>
    public static Tensor Causal(Tensor keyMask, long queryStart, long queryLength, ScalarType dtype)
    {
        using var scope = NewDisposeScope();
        var tk = keyMask.shape[1];
        var device = keyMask.device;
        var q = torch.arange(queryStart, queryStart + queryLength, ScalarType.Int64, device).unsqueeze(1); // [Tq, 1]
        var k = torch.arange(0, tk, ScalarType.Int64, device).unsqueeze(0);                                  // [1, Tk]
        var allowed = k.le(q).unsqueeze(0) & keyMask.to(ScalarType.Bool).unsqueeze(1);                       // [B, Tq, Tk]
        var min = torch.finfo(dtype).min;
        var mask = torch.zeros(allowed.shape, dtype, device).masked_fill(allowed.logical_not(), min);
        return mask.unsqueeze(1).MoveToOuterDisposeScope();
    }
}
