using G2rl.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Sampling;

/// <summary>
/// Prefilled prompt caches waiting to be copied into decode slots: each prompt is prefilled once (all but its last token, which
/// the first decode step feeds), in batches of the prompts a refill needs (right-padded, so every row starts at column 0), and
/// kept until the last row of its group has been given a slot. Owns the caches.
/// </summary>
internal sealed class PromptPrefills(ICausalLm model, IReadOnlyList<IReadOnlyList<int>> prompts, int groupSize) : IDisposable
{
    private readonly Dictionary<int, (Batch Batch, int Index)> entries = [];
    private readonly HashSet<int> done = [];

    /// <summary>Prompts prefilled so far (each at most once).</summary>
    public int PrefilledPrompts { get; private set; }

    /// <summary>Prefill forward passes run so far.</summary>
    public int PrefillCalls { get; private set; }

    /// <summary>Prefills, in one batch, those of <paramref name="promptIds"/> that have more than one token and no cache yet.</summary>
    public void Ensure(IEnumerable<int> promptIds)
    {
        var needed = promptIds.Distinct().Where(p => prompts[p].Count > 1 && !entries.ContainsKey(p)).ToList();
        if (needed.Count == 0)
        {
            return;
        }
        if (needed.Any(done.Contains))
        {
            throw new InvalidOperationException("a prompt was prefilled twice");
        }
        using var scope = NewDisposeScope();
        var width = needed.Max(p => prompts[p].Count - 1);
        var ids = new long[needed.Count * width];
        var mask = new long[needed.Count * width];
        for (var i = 0; i < needed.Count; i++)
        {
            var prompt = prompts[needed[i]];
            for (var j = 0; j < prompt.Count - 1; j++)
            {
                ids[(i * width) + j] = prompt[j];
                mask[(i * width) + j] = 1;
            }
        }
        var idT = torch.tensor(ids, [needed.Count, width], device: model.Device);
        var maskT = torch.tensor(mask, [needed.Count, width], device: model.Device);
        var cache = new KvCache(model.Config, needed.Count, width, model.DType, model.Device);
        model.Hidden(idT, AttentionMasks.PositionIds(maskT), AttentionMasks.Causal(maskT, 0, width, model.DType), cache, 0);
        var batch = new Batch(cache, width, needed.Count * groupSize);
        for (var i = 0; i < needed.Count; i++)
        {
            entries[needed[i]] = (batch, i);
            done.Add(needed[i]);
        }
        PrefilledPrompts += needed.Count;
        PrefillCalls++;
    }

    /// <summary>
    /// Copies the prefilled prefix of each (slot, prompt) into the slot's cache row, then releases one row of that prompt's group
    /// (a batch is freed when all its groups' rows have been placed). Prompts of one token have nothing to copy.
    /// </summary>
    public void CopyInto(KvCache target, IReadOnlyList<(int Slot, int Prompt)> placements)
    {
        foreach (var group in placements.Where(p => prompts[p.Prompt].Count > 1).GroupBy(p => entries[p.Prompt].Batch))
        {
            using var scope = NewDisposeScope();
            var batch = group.Key;
            var source = torch.tensor(group.Select(p => (long)entries[p.Prompt].Index).ToArray(), device: model.Device);
            var slots = torch.tensor(group.Select(p => (long)p.Slot).ToArray(), device: model.Device);
            target.CopyRows(batch.Cache, source, slots, batch.Width);
            batch.Remaining -= group.Count();
            if (batch.Remaining == 0)
            {
                foreach (var p in entries.Where(e => e.Value.Batch == batch).Select(e => e.Key).ToList())
                {
                    entries.Remove(p);
                }
                batch.Cache.Dispose();
            }
        }
    }

    public void Dispose()
    {
        foreach (var b in entries.Values.Select(e => e.Batch).Distinct())
        {
            b.Cache.Dispose();
        }
        entries.Clear();
    }

    private sealed class Batch(KvCache cache, long width, int remaining)
    {
        public KvCache Cache { get; } = cache;

        public long Width { get; } = width;

        public int Remaining { get; set; } = remaining;
    }
}
