namespace G2rl.Tests.Tasks;

/// <summary>
/// Independent exhaustive countdown search for the tests: repeatedly replaces two items of the list by one
/// combination (either order, all four operators, exact division, negatives allowed), so every expression tree over
/// every sub-multiset is visited. Shares no code with the library's solver.
/// </summary>
internal static class CountdownBruteForce
{
    /// <summary>Every value reachable from a non-empty subset of <paramref name="numbers"/>.</summary>
    public static HashSet<long> Values(IReadOnlyList<int> numbers)
    {
        var values = new HashSet<long>();
        Search(numbers.Select(n => (long)n).ToList(), values);
        return values;
    }

    /// <summary>Every fully parenthesised expression text over a non-empty subset, e.g. <c>((3-7)*2)</c>.</summary>
    public static HashSet<string> Expressions(IReadOnlyList<int> numbers)
    {
        var texts = new HashSet<string>(StringComparer.Ordinal);
        Search(numbers.Select(n => n.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToList(), texts);
        return texts;
    }

    private static void Search(List<long> items, HashSet<long> seen)
    {
        seen.UnionWith(items);
        for (var i = 0; i < items.Count; i++)
        {
            for (var j = 0; j < items.Count; j++)
            {
                if (i == j)
                {
                    continue;
                }

                var (a, b) = (items[i], items[j]);
                var results = new List<long> { a + b, a - b, a * b };
                if (b != 0 && a % b == 0)
                {
                    results.Add(a / b);
                }

                var rest = items.Where((_, k) => k != i && k != j).ToList();
                foreach (var r in results)
                {
                    Search([.. rest, r], seen);
                }
            }
        }
    }

    private static void Search(List<string> items, HashSet<string> seen)
    {
        seen.UnionWith(items);
        for (var i = 0; i < items.Count; i++)
        {
            for (var j = 0; j < items.Count; j++)
            {
                if (i == j)
                {
                    continue;
                }

                var rest = items.Where((_, k) => k != i && k != j).ToList();
                foreach (var op in "+-*/")
                {
                    Search([.. rest, $"({items[i]}{op}{items[j]})"], seen);
                }
            }
        }
    }
}
