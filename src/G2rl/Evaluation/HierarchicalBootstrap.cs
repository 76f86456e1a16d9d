namespace G2rl.Evaluation;

/// <summary>
/// Seed-aware percentile bootstrap for accuracies measured on RL seeds × problems (every seed of every method evaluated on
/// the same problems). Seeds are the experimental unit: each resample draws, with replacement, the seeds of each method
/// independently and one set of problem indices shared by all runs (problems are crossed with seeds and paired between
/// methods), and takes the mean of the per-(seed, problem) accuracies over the drawn cells. This is the two-factor
/// ("pigeonhole") bootstrap for crossed designs (Owen 2007); with one problem it reduces to the bootstrap of seed means, with
/// one seed to the bootstrap of problems.
/// </summary>
public static class HierarchicalBootstrap
{
    /// <summary>
    /// Interval for the mean accuracy of one method. <paramref name="accuracy"/>[s][p] is the accuracy of seed s on problem
    /// p (e.g. the share of correct samples). Same inputs and seed → same interval.
    /// </summary>
    /// <exception cref="ArgumentException">No seeds, no problems, ragged rows, resamples &lt; 1 or level outside (0, 1).</exception>
    public static ConfidenceInterval OfMean(IReadOnlyList<IReadOnlyList<double>> accuracy, int seed, int resamples = 2000, double level = 0.95) =>
        Run(accuracy, null, seed, resamples, level);

    /// <summary>Interval for mean(<paramref name="a"/>) − mean(<paramref name="b"/>); both must have the same problems in the same order.</summary>
    public static ConfidenceInterval OfDifference(
        IReadOnlyList<IReadOnlyList<double>> a, IReadOnlyList<IReadOnlyList<double>> b, int seed, int resamples = 2000, double level = 0.95)
    {
        ArgumentNullException.ThrowIfNull(b);
        return Run(a, b, seed, resamples, level);
    }

    private static ConfidenceInterval Run(IReadOnlyList<IReadOnlyList<double>> a, IReadOnlyList<IReadOnlyList<double>>? b, int seed, int resamples, double level)
    {
        var problems = Check(a, nameof(a));
        if (b is not null && Check(b, nameof(b)) != problems)
        {
            throw new ArgumentException("both methods must be evaluated on the same problems", nameof(b));
        }
        ArgumentOutOfRangeException.ThrowIfLessThan(resamples, 1);
        if (!(level > 0 && level < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(level), level, "level must be in (0, 1)");
        }
        var rng = new Random(seed);
        var drawn = new int[problems];
        var values = new double[resamples];
        for (var r = 0; r < resamples; r++)
        {
            var seedsA = Draw(rng, a.Count);
            var seedsB = b is null ? [] : Draw(rng, b.Count);
            for (var i = 0; i < problems; i++)
            {
                drawn[i] = rng.Next(problems);
            }
            values[r] = Mean(a, seedsA, drawn) - (b is null ? 0 : Mean(b, seedsB, drawn));
        }
        Array.Sort(values);
        var alpha = (1 - level) / 2;
        var point = Mean(a) - (b is null ? 0 : Mean(b));
        return new ConfidenceInterval(point, BootstrapInterval.Quantile(values, alpha), BootstrapInterval.Quantile(values, 1 - alpha), level, resamples);
    }

    /// <summary>Mean over all seeds and problems.</summary>
    public static double Mean(IReadOnlyList<IReadOnlyList<double>> accuracy)
    {
        ArgumentNullException.ThrowIfNull(accuracy);
        return accuracy.Average(row => row.Average());
    }

    private static int[] Draw(Random rng, int n)
    {
        var drawn = new int[n];
        for (var i = 0; i < n; i++)
        {
            drawn[i] = rng.Next(n);
        }
        return drawn;
    }

    private static double Mean(IReadOnlyList<IReadOnlyList<double>> accuracy, int[] seeds, int[] problems)
    {
        var sum = 0.0;
        foreach (var s in seeds)
        {
            var row = accuracy[s];
            foreach (var p in problems)
            {
                sum += row[p];
            }
        }
        return sum / (seeds.Length * (double)problems.Length);
    }

    private static int Check(IReadOnlyList<IReadOnlyList<double>> accuracy, string name)
    {
        ArgumentNullException.ThrowIfNull(accuracy, name);
        if (accuracy.Count == 0 || accuracy[0].Count == 0)
        {
            throw new ArgumentException("need at least one seed and one problem", name);
        }
        var problems = accuracy[0].Count;
        if (accuracy.Any(row => row.Count != problems))
        {
            throw new ArgumentException("every seed must have the same number of problems", name);
        }
        return problems;
    }
}
