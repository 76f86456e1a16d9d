using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Sampling;

/// <summary>
/// Counter-based random streams: the uniform that row <c>r</c> uses for its response token <c>i</c> under seed <c>s</c> is a
/// pure function of (s, r, i), so results do not depend on which rows share a batch, in which order rows are scheduled, or
/// on the device. Computed with int64 tensor ops on the device of the inputs; every intermediate is kept below 2^63 (32-bit
/// values times constants below 2^32 are split into 16-bit halves), so CPU and CUDA give identical bits.
/// </summary>
/// <remarks>
/// <para>mix32 is Chris Wellons' "lowbias32" integer hash (x ^= x≫16; x ·= 0x7feb352d; x ^= x≫15; x ·= 0x846ca68b;
/// x ^= x≫16, all mod 2^32).</para>
/// <para>row key k(s, r) = mix32(mix32(r ⊕ lo32(s)) ⊕ hi32(s)); bits(s, r, i) = mix32(k ⊕ mix32((i + 0x9e3779b9) mod 2^32));
/// u = (bits ≫ 8) / 2^24, a float32 in [0, 1) with 24 exact bits.</para>
/// </remarks>
public static class CounterRng
{
    private const long Mask32 = 0xFFFF_FFFFL;
    private const long Golden = 0x9E37_79B9L;

    /// <summary>Per-row keys [R] int64 (values in [0, 2^32)) for output-row ids <paramref name="rows"/> [R] int64 (each in [0, 2^31)).</summary>
    public static Tensor RowKeys(long seed, Tensor rows)
    {
        using var scope = NewDisposeScope();
        var lo = seed & Mask32;
        var hi = (seed >> 32) & Mask32;
        var x = Mix32(rows.bitwise_xor(lo));
        return Mix32(x.bitwise_xor_(hi)).MoveToOuterDisposeScope();
    }

    /// <summary>Uniforms [R] float32 in [0, 1) for row keys [R] int64 and response-token indices [R] int64 (each in [0, 2^31)).</summary>
    public static Tensor Uniform(Tensor rowKeys, Tensor tokenIndex)
    {
        using var scope = NewDisposeScope();
        return FromMixedIndex(rowKeys, IndexMix(tokenIndex)).MoveToOuterDisposeScope();
    }

    /// <summary>mix32((i + 0x9e3779b9) mod 2^32) for token indices [..] int64: the index half of the hash, which a decode loop tabulates once.</summary>
    public static Tensor IndexMix(Tensor tokenIndex)
    {
        using var scope = NewDisposeScope();
        return Mix32(tokenIndex.add(Golden).bitwise_and_(Mask32)).MoveToOuterDisposeScope();
    }

    /// <summary>Uniforms [R] float32 from row keys [R] and the rows' <see cref="IndexMix"/> values [R] (both int64 in [0, 2^32)).</summary>
    public static Tensor FromMixedIndex(Tensor rowKeys, Tensor indexMix)
    {
        using var scope = NewDisposeScope();
        var bits = Mix32(rowKeys.bitwise_xor(indexMix));
        return bits.bitwise_right_shift(8).to(ScalarType.Float32).mul_(1.0 / (1 << 24)).MoveToOuterDisposeScope();
    }

    /// <summary>lowbias32 of x [..] int64 holding values in [0, 2^32); returns a new tensor of the same range.</summary>
    public static Tensor Mix32(Tensor x)
    {
        using var scope = NewDisposeScope();
        var h = x.bitwise_xor(x.bitwise_right_shift(16));
        h = MulLow32(h, 0x7FEB_352DL);
        h = h.bitwise_xor_(h.bitwise_right_shift(15));
        h = MulLow32(h, 0x846C_A68BL);
        h = h.bitwise_xor_(h.bitwise_right_shift(16));
        return h.MoveToOuterDisposeScope();
    }

    /// <summary>(x · c) mod 2^32 for x in [0, 2^32) and c in [0, 2^32), without any int64 product reaching 2^63.</summary>
    private static Tensor MulLow32(Tensor x, long c)
    {
        if (c < (1L << 31))
        {
            return x.mul(c).bitwise_and_(Mask32);
        }
        // x·c = x·lo + (x·hi)·2^16 with lo, hi < 2^16: x·lo < 2^48; only the low 16 bits of x·hi survive the shift mod 2^32.
        var lo = c & 0xFFFF;
        var hi = c >> 16;
        var high = x.mul(hi).bitwise_and_(0xFFFF).bitwise_left_shift_(16);
        return x.mul(lo).add_(high).bitwise_and_(Mask32);
    }
}
