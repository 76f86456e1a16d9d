namespace G2rl.Evaluation;

/// <summary>
/// Cosine similarities between the members of a group of vectors and their summary over many groups (paper §3.5).
/// <para>
/// Zero vectors: when either vector's L2 norm is ≤ ε (absolute, default <see cref="DefaultEpsilon"/>) the cosine is
/// defined as 0, i.e. a zero vector counts as orthogonal to everything (near-orthogonal, not negative). This is the
/// limit of the method's Φ / (‖Φ‖ + ε) normalisation, without its ε bias on non-zero vectors. Other cosines are
/// ⟨a, b⟩ / (‖a‖·‖b‖) in double precision, clamped to [−1, 1].
/// </para>
/// </summary>
public static class PairwiseCosine
{
    /// <summary>Norm at or below which a vector is treated as zero.</summary>
    public const double DefaultEpsilon = 1e-12;

    /// <summary>The cosine of two vectors of equal length (see the class remarks for zero vectors).</summary>
    /// <exception cref="ArgumentException">The lengths differ.</exception>
    public static double Cosine(ReadOnlySpan<double> a, ReadOnlySpan<double> b, double epsilon = DefaultEpsilon)
    {
        if (a.Length != b.Length)
        {
            throw new ArgumentException($"vector lengths differ: {a.Length} vs {b.Length}");
        }
        return FromParts(Dot(a, b), Math.Sqrt(Dot(a, a)), Math.Sqrt(Dot(b, b)), epsilon);
    }

    /// <inheritdoc cref="Cosine(ReadOnlySpan{double}, ReadOnlySpan{double}, double)"/>
    public static double Cosine(ReadOnlySpan<float> a, ReadOnlySpan<float> b, double epsilon = DefaultEpsilon) =>
        Cosine(Widen(a), Widen(b), epsilon);

    /// <summary>
    /// All cosines of pairs i &lt; j, in the order (0,1), (0,2), …, (0,n−1), (1,2), …; n(n−1)/2 values, none for fewer
    /// than two vectors.
    /// </summary>
    /// <exception cref="ArgumentException">Vectors of different lengths, a null vector, or a NaN or infinite component.</exception>
    public static double[] Pairs(IReadOnlyList<double[]> group, double epsilon = DefaultEpsilon)
    {
        ArgumentNullException.ThrowIfNull(group);
        Check(group);
        var norms = group.Select(v => Math.Sqrt(Dot(v, v))).ToArray();
        var result = new double[group.Count * (group.Count - 1) / 2];
        var k = 0;
        for (var i = 0; i < group.Count; i++)
        {
            for (var j = i + 1; j < group.Count; j++)
            {
                result[k++] = FromParts(Dot(group[i], group[j]), norms[i], norms[j], epsilon);
            }
        }
        return result;
    }

    /// <inheritdoc cref="Pairs(IReadOnlyList{double[]}, double)"/>
    public static double[] Pairs(IReadOnlyList<float[]> group, double epsilon = DefaultEpsilon)
    {
        ArgumentNullException.ThrowIfNull(group);
        return Pairs(Widen(group), epsilon);
    }

    /// <summary>Pairwise cosines within each group, summarised over all groups (see <see cref="CosineSummary"/>).</summary>
    /// <param name="groups">The groups, e.g. the responses to one prompt each.</param>
    /// <param name="bins">Histogram bins over [−1, 1].</param>
    /// <param name="epsilon">Zero-vector threshold.</param>
    public static CosineSummary Summarize(
        IEnumerable<IReadOnlyList<double[]>> groups, int bins = CosineSummary.DefaultBins, double epsilon = DefaultEpsilon)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return SummarizePairs(groups.Select(g => Pairs(g, epsilon)), bins);
    }

    /// <inheritdoc cref="Summarize(IEnumerable{IReadOnlyList{double[]}}, int, double)"/>
    public static CosineSummary Summarize(
        IEnumerable<IReadOnlyList<float[]>> groups, int bins = CosineSummary.DefaultBins, double epsilon = DefaultEpsilon)
    {
        ArgumentNullException.ThrowIfNull(groups);
        return SummarizePairs(groups.Select(g => Pairs(g, epsilon)), bins);
    }

    /// <summary>Summarises already computed pair cosines, one list per group (an empty list is a group without pairs).</summary>
    /// <exception cref="ArgumentException">A cosine is NaN or outside [−1, 1].</exception>
    public static CosineSummary SummarizePairs(IEnumerable<IReadOnlyList<double>> pairsPerGroup, int bins = CosineSummary.DefaultBins)
    {
        ArgumentNullException.ThrowIfNull(pairsPerGroup);
        ArgumentOutOfRangeException.ThrowIfLessThan(bins, 1);
        int groups = 0, groupsWithPairs = 0;
        long negative = 0, nearOrthogonal = 0;
        double sum = 0, sumOfMeans = 0;
        var all = new List<double>();
        foreach (var pairs in pairsPerGroup)
        {
            groups++;
            if (pairs.Count == 0)
            {
                continue;
            }

            groupsWithPairs++;
            double groupSum = 0;
            foreach (var c in pairs)
            {
                if (!(c >= -1 && c <= 1))
                {
                    throw new ArgumentException($"cosine {c} of group {groups - 1} is not in [-1, 1]", nameof(pairsPerGroup));
                }
                groupSum += c;
                negative += c < 0 ? 1 : 0;
                nearOrthogonal += Math.Abs(c) < CosineSummary.NearOrthogonal ? 1 : 0;
            }
            sum += groupSum;
            sumOfMeans += groupSum / pairs.Count;
            all.AddRange(pairs);
        }

        var n = all.Count;
        return new CosineSummary(
            groups,
            groupsWithPairs,
            n,
            n == 0 ? double.NaN : sum / n,
            groupsWithPairs == 0 ? double.NaN : sumOfMeans / groupsWithPairs,
            n == 0 ? double.NaN : (double)negative / n,
            n == 0 ? double.NaN : (double)nearOrthogonal / n,
            EqualWidthHistogram.Build(all, -1, 1, bins));
    }

    private static double FromParts(double dot, double normA, double normB, double epsilon)
    {
        if (normA <= epsilon || normB <= epsilon)
        {
            return 0;
        }
        return Math.Clamp(dot / (normA * normB), -1, 1);
    }

    private static double Dot(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        double s = 0;
        for (var i = 0; i < a.Length; i++)
        {
            s += a[i] * b[i];
        }
        return s;
    }

    private static void Check(IReadOnlyList<double[]> group)
    {
        for (var i = 0; i < group.Count; i++)
        {
            var v = group[i] ?? throw new ArgumentException($"vector {i} is null", nameof(group));
            if (v.Length != group[0].Length)
            {
                throw new ArgumentException($"vector {i} has length {v.Length}, vector 0 has {group[0].Length}", nameof(group));
            }
            if (!v.All(double.IsFinite))
            {
                throw new ArgumentException($"vector {i} has a NaN or infinite component", nameof(group));
            }
        }
    }

    private static double[][] Widen(IReadOnlyList<float[]> group) =>
        [.. group.Select((v, i) => v is null ? throw new ArgumentException($"vector {i} is null", nameof(group)) : Widen(v))];

    private static double[] Widen(ReadOnlySpan<float> v)
    {
        var result = new double[v.Length];
        for (var i = 0; i < v.Length; i++)
        {
            result[i] = v[i];
        }
        return result;
    }
}
