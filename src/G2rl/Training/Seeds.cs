namespace G2rl.Training;

/// <summary>Independent, reproducible seeds derived from the run seed (SplitMix64), so every random stream is a pure function of (seed, purpose, step).</summary>
public static class Seeds
{
    /// <summary>A seed for <paramref name="purpose"/> at <paramref name="step"/>.</summary>
    public static long Derive(long seed, string purpose, long step)
    {
        var x = unchecked((ulong)seed);
        foreach (var c in purpose)
        {
            x = Mix(x ^ c);
        }
        return unchecked((long)(Mix(x ^ (ulong)step) & 0x7FFF_FFFF_FFFF_FFFF));
    }

    private static ulong Mix(ulong z)
    {
        unchecked
        {
            z += 0x9E3779B97F4A7C15UL;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
            return z ^ (z >> 31);
        }
    }
}
