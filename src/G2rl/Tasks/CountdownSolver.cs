namespace G2rl.Tasks;

/// <summary>
/// Exact enumeration of the countdown solutions of one number multiset (each number used at most once), by dynamic
/// programming over subsets: the expressions of a subset are the combinations of the expressions of its two-part
/// splits. Only non-negative values are kept: every solution's sign-normal form
/// (<see cref="CountdownExpr.Normalize"/>) has non-negative sub-expressions only and is built from such parts, so no
/// solution is lost. The expressions of the full set are never materialised: <see cref="Solutions"/> looks up, for
/// each left part, the right parts whose value makes the target.
/// </summary>
internal sealed class CountdownSolver
{
    /// <summary>Largest supported count of numbers (the work grows roughly tenfold per extra number).</summary>
    public const int MaxNumbers = 5;

    private readonly IReadOnlyList<int> numbers;
    private readonly int full;
    private readonly Dictionary<string, CountdownExpr>[] bySubset;
    private readonly Dictionary<long, List<CountdownExpr>>[] byValue;

    public CountdownSolver(IReadOnlyList<int> numbers)
    {
        ArgumentNullException.ThrowIfNull(numbers);
        if (numbers.Count is 0 or > MaxNumbers || numbers.Any(n => n <= 0))
        {
            throw new ArgumentException($"countdown enumeration needs 1..{MaxNumbers} positive numbers, got [{string.Join(' ', numbers)}]", nameof(numbers));
        }

        this.numbers = numbers;
        full = (1 << numbers.Count) - 1;
        bySubset = new Dictionary<string, CountdownExpr>[full];
        byValue = new Dictionary<long, List<CountdownExpr>>[full];
        for (var mask = 1; mask < full; mask++)
        {
            var found = new Dictionary<string, CountdownExpr>(StringComparer.Ordinal);
            if ((mask & (mask - 1)) == 0)
            {
                var single = CountdownExpr.Number(numbers[System.Numerics.BitOperations.TrailingZeroCount(mask)]);
                found[single.Text] = single;
            }
            else
            {
                foreach (var (part, rest) in Splits(mask))
                {
                    CombineAll(bySubset[part].Values, bySubset[rest].Values, found);
                }
            }

            bySubset[mask] = found;
            byValue[mask] = found.Values.GroupBy(e => e.Value).ToDictionary(g => g.Key, g => g.ToList());
        }
    }

    /// <summary>Every value ≥ 0 that some expression over some non-empty subset reaches, in ascending order.</summary>
    public List<long> ReachableValues()
    {
        var values = new SortedSet<long>();
        for (var mask = 1; mask < full; mask++)
        {
            values.UnionWith(byValue[mask].Keys);
        }

        foreach (var (part, rest) in Splits(full))
        {
            foreach (var a in byValue[part].Keys)
            {
                foreach (var b in byValue[rest].Keys)
                {
                    values.Add(a + b);
                    values.Add(a * b);
                    values.Add(Math.Abs(a - b));
                    AddQuotient(values, a, b);
                    AddQuotient(values, b, a);
                }
            }
        }

        return [.. values];
    }

    /// <summary>The distinct sign-normal solution texts (expressions only) worth <paramref name="target"/>, in ordinal order.</summary>
    public List<string> Solutions(long target)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(target);
        var found = new List<CountdownExpr>();
        for (var mask = 1; mask < full; mask++)
        {
            if (byValue[mask].TryGetValue(target, out var hits))
            {
                found.AddRange(hits);
            }
        }

        if (numbers.Count == 1 && numbers[0] == target)
        {
            found.Add(CountdownExpr.Number(target));
        }

        foreach (var (part, rest) in Splits(full))
        {
            CombineTowards(target, bySubset[part].Values, byValue[rest], found);
        }

        var texts = found.Select(e => e.Normalize(out _).Text).Distinct(StringComparer.Ordinal).ToList();
        texts.Sort(StringComparer.Ordinal);
        return texts;
    }

    /// <summary>Each unordered split {part, rest} of <paramref name="mask"/> once (part holds its lowest set bit).</summary>
    private static IEnumerable<(int Part, int Others)> Splits(int mask)
    {
        var low = mask & -mask;
        for (var part = (mask - 1) & mask; part > 0; part = (part - 1) & mask)
        {
            if ((part & low) != 0)
            {
                yield return (part, mask ^ part);
            }
        }
    }

    private static void CombineAll(IEnumerable<CountdownExpr> lefts, IEnumerable<CountdownExpr> rights, Dictionary<string, CountdownExpr> into)
    {
        foreach (var a in lefts)
        {
            foreach (var b in rights)
            {
                Add(CountdownExpr.Combine(a, '+', b), into);
                Add(CountdownExpr.Combine(a, '*', b), into);
                if (a.Value >= b.Value)
                {
                    Add(CountdownExpr.Combine(a, '-', b), into);
                }

                if (b.Value >= a.Value)
                {
                    Add(CountdownExpr.Combine(b, '-', a), into);
                }

                Add(CountdownExpr.Combine(a, '/', b), into);
                Add(CountdownExpr.Combine(b, '/', a), into);
            }
        }
    }

    /// <summary>The combinations of a left and a right part worth <paramref name="target"/> (&gt; 0), found by value lookup.</summary>
    private static void CombineTowards(long target, IEnumerable<CountdownExpr> lefts, Dictionary<long, List<CountdownExpr>> rights, List<CountdownExpr> into)
    {
        foreach (var a in lefts)
        {
            var v = a.Value;
            Towards(target, a, '+', rights, target - v, leftFirst: true, into);
            Towards(target, a, '-', rights, v - target, leftFirst: true, into);
            Towards(target, a, '-', rights, v + target, leftFirst: false, into);
            if (v != 0 && target % v == 0)
            {
                Towards(target, a, '*', rights, target / v, leftFirst: true, into);
            }

            if (v % target == 0)
            {
                Towards(target, a, '/', rights, v / target, leftFirst: true, into);
            }

            Towards(target, a, '/', rights, v * target, leftFirst: false, into);
        }
    }

    private static void Towards(
        long target, CountdownExpr a, char op, Dictionary<long, List<CountdownExpr>> rights, long wanted, bool leftFirst, List<CountdownExpr> into)
    {
        if (!rights.TryGetValue(wanted, out var partners))
        {
            return;
        }

        foreach (var b in partners)
        {
            var combined = leftFirst ? CountdownExpr.Combine(a, op, b) : CountdownExpr.Combine(b, op, a);
            if (combined is not null && combined.Value == target)
            {
                into.Add(combined);
            }
        }
    }

    private static void AddQuotient(SortedSet<long> values, long a, long b)
    {
        if (b != 0 && a % b == 0)
        {
            values.Add(a / b);
        }
    }

    private static void Add(CountdownExpr? expr, Dictionary<string, CountdownExpr> into)
    {
        if (expr is not null)
        {
            into.TryAdd(expr.Text, expr);
        }
    }
}
