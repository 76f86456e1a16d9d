using G2rl.Sampling;

namespace G2rl.Bench;

/// <summary>Compares the cached sampler's greedy tokens with naive recomputation's, row by row, over the first n tokens.</summary>
internal static class GreedyCheck
{
    /// <summary>A table cell such as "= naive: 8/8 rows × 128 tokens" or "≠ naive: 7/8 rows; first difference row 3 step 91".</summary>
    public static string Compare(IReadOnlyList<SampledSequence> cached, long[] naive, int batch, int n)
    {
        var same = 0;
        (int Row, int Step)? first = null;
        for (var r = 0; r < batch; r++)
        {
            var diff = -1;
            for (var i = 0; i < n; i++)
            {
                if (i >= cached[r].ResponseIds.Count || cached[r].ResponseIds[i] != naive[(r * n) + i])
                {
                    diff = i;
                    break;
                }
            }
            if (diff < 0)
            {
                same++;
            }
            else
            {
                first ??= (r, diff);
            }
        }
        return first is null
            ? $"identical to naive: {same}/{batch} rows × {n} tokens"
            : $"DIFFERS from naive: {same}/{batch} rows identical; first difference row {first.Value.Row} step {first.Value.Step}";
    }

    /// <summary>Confirms every row ran the full <paramref name="n"/> tokens (EOS is disabled); returns a problem or null.</summary>
    public static string? FullLength(IReadOnlyList<SampledSequence> result, int n) =>
        result.All(s => s.ResponseIds.Count == n && s.Finish == FinishReason.Length)
            ? null
            : $"not all rows ran {n} tokens: lengths {string.Join(",", result.Select(s => s.ResponseIds.Count).Distinct())}";
}
