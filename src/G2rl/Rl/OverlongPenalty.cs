namespace G2rl.Rl;

/// <summary>
/// DAPO's soft overlong punishment (Yu et al. 2025, arXiv 2503.14476, §3.4): with L_max the length limit and L_cache the buffer,
/// R(y) = 0 for |y| ≤ L_max − L_cache, ((L_max − L_cache) − |y|) / L_cache · penalty inside the buffer, and −penalty beyond L_max.
/// The paper adds it to the rule reward with penalty 1 (and L_max = 20480, L_cache = 4096).
/// </summary>
public static class OverlongPenalty
{
    /// <summary>The (non-positive) reward term of a response of <paramref name="length"/> tokens.</summary>
    public static double Of(int length, int maxLength, int bufferLength, double penalty)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(length);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(bufferLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(bufferLength, maxLength);
        var start = maxLength - bufferLength;
        return length <= start ? 0.0
            : length <= maxLength ? (start - length) / (double)bufferLength * penalty
            : -penalty;
    }
}
