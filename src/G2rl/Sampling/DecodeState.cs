using G2rl.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Sampling;

/// <summary>
/// The decode slots of the continuous-batching sampler, on the model's device: a dense KV cache [S, Hkv, C, D], and per slot the
/// token to feed next, its column (= its position id: every row is laid out from column 0, prompt then response), an additive
/// key mask over the columns the row has written, the row's random-stream key and response-token counter, and whether the slot
/// is live. The host mirrors each slot's column so no step reads anything back to size its attention window. Owns its tensors.
/// </summary>
internal sealed class DecodeState : IDisposable
{
    private readonly ICausalLm model;
    private readonly double maskMin;
    private Tensor keyMask;    // [S, C] model dtype: 0 where the slot's row has a token, the dtype's min elsewhere
    private Tensor tokens;     // [S] int64: token fed at the next step
    private Tensor columns;    // [S] int64: column (and position id) of that token
    private Tensor rowKeys;    // [S] int64: CounterRng row key
    private Tensor tokenIndex; // [S] int64: response tokens chosen so far
    private Tensor live;       // [S] int64: 1 for a live slot, 0 for an idle one
    private readonly Tensor indexMix; // [max_new + 1] int64: CounterRng.IndexMix of every response-token index
    private Tensor zeroColumn; // [S, 1] model dtype zeros (the value that makes a column visible)
    private long[] hostColumns;

    public DecodeState(ICausalLm model, int slots, long capacity, int maxNewTokens)
    {
        this.model = model;
        maskMin = torch.finfo(model.DType).min;
        var device = model.Device;
        Cache = new KvCache(model.Config, slots, capacity, model.DType, device);
        keyMask = torch.full([slots, capacity], maskMin, model.DType, device).DetachFromDisposeScope();
        tokens = torch.zeros(slots, ScalarType.Int64, device).DetachFromDisposeScope();
        columns = torch.zeros(slots, ScalarType.Int64, device).DetachFromDisposeScope();
        rowKeys = torch.zeros(slots, ScalarType.Int64, device).DetachFromDisposeScope();
        tokenIndex = torch.zeros(slots, ScalarType.Int64, device).DetachFromDisposeScope();
        live = torch.zeros(slots, ScalarType.Int64, device).DetachFromDisposeScope();
        zeroColumn = torch.zeros([slots, 1], model.DType, device).DetachFromDisposeScope();
        using (var scope = NewDisposeScope())
        {
            indexMix = CounterRng.IndexMix(torch.arange(maxNewTokens + 1L, ScalarType.Int64, device)).DetachFromDisposeScope();
        }
        hostColumns = new long[slots];
        Live = new bool[slots];
    }

    /// <summary>Per-layer keys/values [S, Hkv, C, D].</summary>
    public KvCache Cache { get; }

    /// <summary>Slots S.</summary>
    public int Slots => Live.Length;

    /// <summary>Which slots hold a running row (host).</summary>
    public bool[] Live { get; private set; }

    /// <summary>Each slot's uniform [S] float32 for its next token: CounterRng of (seed, row, response-token index).</summary>
    public Tensor Uniforms() => CounterRng.FromMixedIndex(rowKeys, indexMix.index_select(0, tokenIndex));

    /// <summary>Columns [0, this) hold every live row's tokens so far (the written prefix).</summary>
    public long WrittenColumns => Enumerable.Range(0, Slots).Where(s => Live[s]).Select(s => hostColumns[s]).DefaultIfEmpty(0).Max();

    /// <summary>One decode step over all slots: feeds each slot's token at its column; returns logits [S, V] float32.</summary>
    public Tensor Step()
    {
        using var scope = NewDisposeScope();
        var s = Slots;
        var width = WrittenColumns + 1;
        keyMask.scatter_(1, columns.view(s, 1), zeroColumn);
        Cache.SetRowColumns(columns, width);
        try
        {
            var mask = keyMask.narrow(1, 0, width).view(s, 1, 1, width);
            var hidden = model.Hidden(tokens.view(s, 1), columns.view(s, 1), mask, Cache, width - 1);
            columns.add_(live);
            for (var i = 0; i < s; i++)
            {
                hostColumns[i] += Live[i] ? 1 : 0;
            }
            return model.Logits(hidden.view(s, -1)).to(ScalarType.Float32).MoveToOuterDisposeScope();
        }
        finally
        {
            Cache.ClearRowColumns();
        }
    }

    /// <summary>After a choice: <paramref name="chosen"/> [S] int64 becomes the next fed token; live slots count one more response token.</summary>
    public void Advance(Tensor chosen)
    {
        tokens.copy_(chosen);
        tokenIndex.add_(live);
    }

    /// <summary>
    /// Puts rows into idle slots. <paramref name="slotIds"/>, <paramref name="rowIds"/>: the slots and output rows; <paramref name="prefix"/>:
    /// each row's prompt length − 1 (columns already in the cache); <paramref name="lastTokens"/>: each prompt's last token, fed next;
    /// <paramref name="seed"/>: the call's seed for the row keys. The caller copies the prompt prefix into the cache first.
    /// </summary>
    public void Admit(IReadOnlyList<int> slotIds, IReadOnlyList<int> rowIds, IReadOnlyList<int> prefix, IReadOnlyList<int> lastTokens, long seed)
    {
        using var scope = NewDisposeScope();
        var k = slotIds.Count;
        var packed = new long[4 * k];
        for (var i = 0; i < k; i++)
        {
            packed[i] = slotIds[i];
            packed[k + i] = rowIds[i];
            packed[(2 * k) + i] = prefix[i];
            packed[(3 * k) + i] = lastTokens[i];
            Live[slotIds[i]] = true;
            hostColumns[slotIds[i]] = prefix[i];
        }
        var t = torch.tensor(packed, [4, k], device: model.Device);
        var (slotT, rowT, prefixT, lastT) = (t[0], t[1], t[2], t[3]);
        var visible = torch.arange(Cache.Capacity, ScalarType.Int64, model.Device).view(1, -1).lt(prefixT.view(k, 1));
        keyMask.index_copy_(0, slotT, torch.full([k, Cache.Capacity], maskMin, model.DType, model.Device).masked_fill_(visible, 0));
        tokens.index_copy_(0, slotT, lastT);
        columns.index_copy_(0, slotT, prefixT);
        rowKeys.index_copy_(0, slotT, CounterRng.RowKeys(seed, rowT));
        tokenIndex.index_fill_(0, slotT, 0);
        live.index_fill_(0, slotT, 1);
    }

    /// <summary>Marks slots idle: they stop advancing and keep writing (masked) at column 0 until refilled or compacted away.</summary>
    public void Free(IReadOnlyList<int> slotIds)
    {
        using var scope = NewDisposeScope();
        var t = torch.tensor(slotIds.Select(x => (long)x).ToArray(), device: model.Device);
        live.index_fill_(0, t, 0);
        columns.index_fill_(0, t, 0);
        foreach (var s in slotIds)
        {
            Live[s] = false;
            hostColumns[s] = 0;
        }
    }

    /// <summary>Drops the idle slots (copying only the written prefix of the cache); returns the kept old slot ids in their new order.</summary>
    public int[] Compact()
    {
        using var scope = NewDisposeScope();
        var keep = Enumerable.Range(0, Slots).Where(s => Live[s]).ToArray();
        var written = WrittenColumns;
        var keepT = torch.tensor(keep.Select(x => (long)x).ToArray(), device: model.Device);
        Cache.SelectRows(keepT, written);
        keyMask = Replace(keyMask, keepT);
        tokens = Replace(tokens, keepT);
        columns = Replace(columns, keepT);
        rowKeys = Replace(rowKeys, keepT);
        tokenIndex = Replace(tokenIndex, keepT);
        live = Replace(live, keepT);
        zeroColumn = Replace(zeroColumn, keepT);
        hostColumns = [.. keep.Select(s => hostColumns[s])];
        Live = [.. keep.Select(_ => true)];
        return keep;
    }

    private static Tensor Replace(Tensor old, Tensor keep)
    {
        var result = old.index_select(0, keep).DetachFromDisposeScope();
        old.Dispose();
        return result;
    }

    public void Dispose()
    {
        Cache.Dispose();
        foreach (var t in new[] { keyMask, tokens, columns, rowKeys, tokenIndex, live, zeroColumn, indexMix })
        {
            t.Dispose();
        }
    }
}
