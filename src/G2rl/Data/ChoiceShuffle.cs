using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;

namespace G2rl.Data;

/// <summary>
/// Deterministic, platform-independent option shuffle keyed by a string (the GPQA Record ID).
/// </summary>
/// <remarks>
/// Algorithm (mirrored by <c>data/build/vendor.py</c>, so both give the same order): seed = the first 8 bytes,
/// big-endian, of SHA-256 of the UTF-8 key; a SplitMix64 stream from that seed; Fisher–Yates from the last slot
/// down to slot 1, swapping slot <c>i</c> with slot <c>next() mod (i + 1)</c>.
/// </remarks>
public static class ChoiceShuffle
{
    /// <summary>
    /// A permutation of 0..<paramref name="count"/>−1: element <c>s</c> is the original index of the option
    /// placed in slot <c>s</c>. Same key and count → same permutation, in every process.
    /// </summary>
    public static int[] Permutation(string key, int count)
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var perm = Enumerable.Range(0, count).ToArray();
        var state = BinaryPrimitives.ReadUInt64BigEndian(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        for (var i = count - 1; i > 0; i--)
        {
            var j = (int)(Next(ref state) % (ulong)(i + 1));
            (perm[i], perm[j]) = (perm[j], perm[i]);
        }

        return perm;
    }

    /// <summary>Applies <see cref="Permutation"/> to <paramref name="options"/>: result[s] = options[perm[s]].</summary>
    public static IReadOnlyList<T> Shuffle<T>(string key, IReadOnlyList<T> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return Permutation(key, options.Count).Select(p => options[p]).ToArray();
    }

    private static ulong Next(ref ulong state)
    {
        unchecked
        {
            state += 0x9E3779B97F4A7C15UL;
            var z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
