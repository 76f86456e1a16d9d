namespace G2rl.Evaluation;

/// <summary>pass@k estimators for one problem with <c>n</c> sampled answers of which <c>c</c> are correct.</summary>
public static class PassAtK
{
    /// <summary>
    /// Unbiased estimator (Chen et al. 2021): 1 − C(n−c, k)/C(n, k), the probability that a uniformly random
    /// k-subset of the n samples holds at least one correct one. Computed as 1 − ∏_{i=n−c+1..n} (1 − k/i),
    /// which avoids huge binomials; exactly 1 when n − c &lt; k.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1, k outside 1..n, or c outside 0..n.</exception>
    public static double Unbiased(int n, int c, int k)
    {
        if (n < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(n), n, "pass@k needs at least one sample (n >= 1)");
        }

        if (k < 1 || k > n)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be in 1..n (n = {n})");
        }

        if (c < 0 || c > n)
        {
            throw new ArgumentOutOfRangeException(nameof(c), c, $"the number correct c must be in 0..n (n = {n})");
        }

        if (n - c < k)
        {
            return 1.0;
        }

        var allWrong = 1.0;
        for (var i = n - c + 1; i <= n; i++)
        {
            allWrong *= 1.0 - ((double)k / i);
        }

        return 1.0 - allWrong;
    }

    /// <summary><see cref="Unbiased(int, int, int)"/> with n = <c>correct.Count</c> and c = the number of true flags.</summary>
    public static double Unbiased(IReadOnlyList<bool> correct, int k)
    {
        ArgumentNullException.ThrowIfNull(correct);
        return Unbiased(correct.Count, correct.Count(x => x), k);
    }

    /// <summary>
    /// The paper's definition: 1 if at least one of the first <paramref name="k"/> samples is correct, else 0.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">k outside 1..<c>correct.Count</c>.</exception>
    public static double FirstK(IReadOnlyList<bool> correct, int k)
    {
        ArgumentNullException.ThrowIfNull(correct);
        if (k < 1 || k > correct.Count)
        {
            throw new ArgumentOutOfRangeException(nameof(k), k, $"k must be in 1..{correct.Count} (the number of samples)");
        }

        for (var i = 0; i < k; i++)
        {
            if (correct[i])
            {
                return 1.0;
            }
        }

        return 0.0;
    }

    /// <summary>The k values to report for n samples: 1, 2, 4, … (powers of two ≤ n), then n if it is not one.</summary>
    /// <exception cref="ArgumentOutOfRangeException">n &lt; 1.</exception>
    public static IReadOnlyList<int> Ks(int n)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(n, 1);
        var ks = new List<int>();
        for (long k = 1; k <= n; k *= 2)
        {
            ks.Add((int)k);
        }

        if (ks[^1] != n)
        {
            ks.Add(n);
        }

        return ks;
    }
}
