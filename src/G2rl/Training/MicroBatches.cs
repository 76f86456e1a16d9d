namespace G2rl.Training;

/// <summary>Splits row indices into mini-batches (optimizer steps) and those into micro-batches (forward/backward passes).</summary>
public static class MicroBatches
{
    /// <summary>Consecutive chunks of at most <paramref name="size"/> of <paramref name="rows"/>.</summary>
    public static IReadOnlyList<IReadOnlyList<int>> Chunk(IReadOnlyList<int> rows, int size) =>
        [.. rows.Chunk(Math.Max(1, size)).Select(c => (IReadOnlyList<int>)c)];

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
