using G2rl.Sampling;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Sampling;

/// <summary>The per-row counter streams equal a plain 32-bit host implementation of the documented hash, bit for bit.</summary>
public sealed class CounterRngTests
{
    // The documented hash with C# uint arithmetic (wrapping mod 2^32): an independent implementation of the tensor version.
    private static uint Mix(uint x)
    {
        x ^= x >> 16;
        x *= 0x7feb352d;
        x ^= x >> 15;
        x *= 0x846ca68b;
        x ^= x >> 16;
        return x;
    }

    private static uint Bits(long seed, int row, int index)
    {
        var key = Mix(Mix((uint)row ^ (uint)seed) ^ (uint)(seed >> 32));
        return Mix(key ^ Mix(unchecked((uint)index + 0x9e3779b9u)));
    }

    [Theory]
    [InlineData(0, 0, 0, 2926543089u, 0.6813888549804688)]
    [InlineData(42, 7, 3, 2392038782u, 0.5569398999214172)]
    [InlineData(-1, int.MaxValue, int.MaxValue - 1, 4155252608u, 0.967470109462738)]
    [InlineData(long.MaxValue, 5, 100000, 20689637u, 0.0048171281814575195)]
    public void MatchesValuesComputedByHand(long seed, int row, int index, uint bits, double uniform)
    {
        // Expected values computed separately in Python (arbitrary precision ints, masked to 32 bits).
        Assert.Equal(bits, Bits(seed, row, index));
        using var u = CounterRng.Uniform(CounterRng.RowKeys(seed, torch.tensor(new long[] { row })), torch.tensor(new long[] { index }));
        Assert.Equal((float)uniform, u.item<float>());
    }

    [Fact]
    public void TensorStreamEqualsHostReferenceBitForBit()
    {
        using var scope = NewDisposeScope();
        var random = new Random(5);
        foreach (var seed in new[] { 0L, 1L, -7L, 1234567890123L, long.MinValue, long.MaxValue })
        {
            var rows = Enumerable.Range(0, 500).Select(_ => (long)random.Next()).ToArray();
            var index = Enumerable.Range(0, 500).Select(i => i < 10 ? (long)i : random.Next()).ToArray();
            var keys = CounterRng.RowKeys(seed, torch.tensor(rows));
            var u = CounterRng.Uniform(keys, torch.tensor(index)).data<float>().ToArray();
            for (var i = 0; i < rows.Length; i++)
            {
                var expected = (Bits(seed, (int)rows[i], (int)index[i]) >> 8) / 16777216f;
                Assert.Equal(expected, u[i]);
                Assert.InRange(u[i], 0f, 0.99999995f);
            }
        }
    }

    [Fact]
    public void MixOfFullRangeValuesStaysIn32Bits()
    {
        using var x = torch.tensor(new long[] { 0, 1, 0xFFFF_FFFFL, 0x8000_0000L, 0x1234_5678L });
        using var h = CounterRng.Mix32(x);
        var got = h.data<long>().ToArray();
        var expected = new long[] { Mix(0), Mix(1), Mix(0xFFFF_FFFF), Mix(0x8000_0000), Mix(0x1234_5678) };
        Assert.Equal(expected, got);
        Assert.Equal(0x688990c0L, got[1]);
    }

    [Fact]
    public void StreamsOfNeighbouringRowsAndSeedsAreUncorrelated()
    {
        using var scope = NewDisposeScope();
        var index = torch.arange(4000L);
        var a = CounterRng.Uniform(CounterRng.RowKeys(3, torch.zeros(4000, ScalarType.Int64)), index);
        var b = CounterRng.Uniform(CounterRng.RowKeys(3, torch.ones(4000, ScalarType.Int64)), index);
        var c = CounterRng.Uniform(CounterRng.RowKeys(4, torch.zeros(4000, ScalarType.Int64)), index);
        Assert.InRange(a.mean().item<float>(), 0.47f, 0.53f);
        Assert.InRange(Correlation(a, b), -0.05, 0.05);
        Assert.InRange(Correlation(a, c), -0.05, 0.05);
    }

    private static double Correlation(Tensor x, Tensor y)
    {
        var dx = x - x.mean();
        var dy = y - y.mean();
        return ((dx * dy).mean() / (dx.std(false) * dy.std(false))).item<float>();
    }
}
