using G2rl.Training.Config;

namespace G2rl.Training;

/// <summary>Splits row indices into mini-batches (optimizer steps) and those into micro-batches (forward/backward passes).</summary>
public static class MicroBatches
{
    /// <summary>Consecutive chunks of at most <paramref name="size"/> of <paramref name="rows"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Chunk(IReadOnlyList<int> rows, int size) =>
        [.. rows.Chunk(Math.Max(1, size)).Select(c => (IReadOnlyList<int>)c)];

    /// <summary>
    /// The micro-batches of <paramref name="rows"/> for a forward/backward or log-prob pass. <paramref name="maxTokens"/>
    /// <c>auto</c> (not resolved by a memory plan): consecutive chunks of <paramref name="microBatchSize"/> rows (as before
    /// token budgets). An integer budget B: <see cref="ByTokenBudget"/> with B, and micro_batch_size is not used (as
    /// verl's use_dynamic_bsz). <paramref name="width"/> gives a row's padded width (tokens it occupies).
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> Plan(IReadOnlyList<int> rows, Func<int, int> width, int microBatchSize, AutoCount maxTokens) =>
        maxTokens.Value is int budget ? ByTokenBudget(rows, width, budget) : Chunk(rows, microBatchSize);

    /// <summary>
    /// Rows grouped by length under a token budget: the rows sorted by width, longest first (ties in the given order), then
    /// packed greedily so that each micro-batch's padded size (rows × its longest row) is at most <paramref name="budget"/>.
    /// A row wider than the budget forms a micro-batch of its own. Every row appears exactly once.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> ByTokenBudget(IReadOnlyList<int> rows, Func<int, int> width, int budget)
    {
        var result = new List<IReadOnlyList<int>>();
        var current = new List<int>();
        var longest = 0;
        foreach (var row in rows.Select((r, i) => (Row: r, Index: i, Width: width(r))).OrderByDescending(x => x.Width).ThenBy(x => x.Index))
        {
            if (current.Count > 0 && (long)(current.Count + 1) * longest > budget)
            {
                result.Add(current);
                current = [];
            }
            if (current.Count == 0)
            {
                longest = row.Width;
            }
            current.Add(row.Row);
        }
        if (current.Count > 0)
        {
            result.Add(current);
        }
        return result;
    }

    /// <summary>
    /// <paramref name="count"/> mini-batches of a shuffled order of 0..n−1 (shuffled with <paramref name="seed"/> when more
    /// than one mini-batch, else in order), as even as possible.
    /// </summary>
    public static IReadOnlyList<IReadOnlyList<int>> MiniBatches(int n, int count, long seed)
    {
        var order = Enumerable.Range(0, n).ToArray();
        if (count > 1)
        {
            new Random(unchecked((int)seed)).Shuffle(order);
        }
        var result = new List<IReadOnlyList<int>>();
        for (var m = 0; m < count; m++)
        {
            var start = m * n / count;
            var end = (m + 1) * n / count;
            if (end > start)
            {
                result.Add(order[start..end]);
            }
        }
        return result;
    }
}
