using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Model;

/// <summary>
/// Preallocated key/value cache: per layer K and V of shape [B, Hkv, Capacity, D]. Owned by its creator
/// (the sampler), never by the model. The model writes new keys at columns [start, start + T) and attends
/// over [0, start + T); no concatenation per step. For continuous batching, <see cref="SetRowColumns"/> makes the
/// next single-token step write each row at its own column instead. The cache also holds the RoPE table of its
/// positions [0, Capacity), built on first use, so a decode loop does not recompute cos/sin every step.
/// </summary>
public sealed class KvCache : IDisposable
{
    private Tensor[] keys;
    private Tensor[] values;
    private Tensor? rowColumns;
    private long rowWidth;
    private Tensor? ropeCos;
    private Tensor? ropeSin;

    public KvCache(Qwen3Config config, long batch, long capacity, ScalarType dtype, Device device)
    {
        keys = new Tensor[config.NumHiddenLayers];
        values = new Tensor[config.NumHiddenLayers];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = torch.zeros([batch, config.NumKeyValueHeads, capacity, config.HeadDim], dtype, device).DetachFromDisposeScope();
            values[i] = torch.zeros([batch, config.NumKeyValueHeads, capacity, config.HeadDim], dtype, device).DetachFromDisposeScope();
        }
        Capacity = capacity;
    }

    /// <summary>Number of columns (token positions) each row can hold.</summary>
    public long Capacity { get; }

    /// <summary>Rows in the cache.</summary>
    public long Batch => keys[0].shape[0];

    /// <summary>
    /// Writes k, v [B, Hkv, T, D] at columns [start, start+T) of layer <paramref name="layer"/> and returns views of columns [0, start+T).
    /// After <see cref="SetRowColumns"/> (T = 1 only), row b is written at its own column instead and the views span the width given there.
    /// </summary>
    public (Tensor Keys, Tensor Values) Append(int layer, Tensor k, Tensor v, long start)
    {
        var length = k.shape[2];
        if (rowColumns is not null)
        {
            if (length != 1)
            {
                throw new InvalidOperationException("per-row cache columns take one token per row");
            }
            using (torch.no_grad())
            {
                keys[layer].scatter_(2, rowColumns, k);
                values[layer].scatter_(2, rowColumns, v);
            }
            return (keys[layer].narrow(2, 0, rowWidth), values[layer].narrow(2, 0, rowWidth));
        }
        if (start + length > Capacity)
        {
            throw new InvalidOperationException($"KV cache overflow: {start + length} > capacity {Capacity}");
        }
        using (torch.no_grad())
        {
            keys[layer].narrow(2, start, length).copy_(k);
            values[layer].narrow(2, start, length).copy_(v);
        }
        return (keys[layer].narrow(2, 0, start + length), values[layer].narrow(2, 0, start + length));
    }

    /// <summary>
    /// Until <see cref="ClearRowColumns"/>: single-token steps write row b at column <paramref name="columns"/>[b] ([B] int64, each
    /// &lt; <paramref name="width"/> ≤ Capacity) and attend over columns [0, width) (the caller masks each row's unwritten columns).
    /// </summary>
    public void SetRowColumns(Tensor columns, long width)
    {
        if (width > Capacity)
        {
            throw new InvalidOperationException($"KV cache overflow: {width} > capacity {Capacity}");
        }
        ClearRowColumns();
        var shape = keys[0].shape;
        rowColumns = columns.view(shape[0], 1, 1, 1).expand(shape[0], shape[1], 1, shape[3]).DetachFromDisposeScope();
        rowWidth = width;
    }

    /// <summary>Back to writing every row at the same columns.</summary>
    public void ClearRowColumns()
    {
        rowColumns?.Dispose();
        rowColumns = null;
    }

    /// <summary>
    /// Copies columns [0, <paramref name="columns"/>) of rows <paramref name="sourceRows"/> [K] int64 of <paramref name="source"/>
    /// into rows <paramref name="targetRows"/> [K] int64 of this cache (e.g. a prefilled prompt into the slots of its group's rows).
    /// </summary>
    public void CopyRows(KvCache source, Tensor sourceRows, Tensor targetRows, long columns)
    {
        using var scope = NewDisposeScope();
        using var noGrad = torch.no_grad();
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i].narrow(2, 0, columns).index_copy_(0, targetRows, source.keys[i].narrow(2, 0, columns).index_select(0, sourceRows));
            values[i].narrow(2, 0, columns).index_copy_(0, targetRows, source.values[i].narrow(2, 0, columns).index_select(0, sourceRows));
        }
    }

    /// <summary>
    /// Keeps (and reorders to) the rows in <paramref name="rows"/> [R] int64, e.g. to copy a prompt's cache to its group or to drop
    /// finished rows. With <paramref name="written"/>, only columns [0, written) are copied (the rest of the new rows is zero).
    /// One layer at a time, so the peak is the cache plus one layer.
    /// </summary>
    public void SelectRows(Tensor rows, long? written = null)
    {
        ClearRowColumns();
        using var noGrad = torch.no_grad();
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = Select(keys[i], rows, written);
            values[i] = Select(values[i], rows, written);
        }
    }

    private static Tensor Select(Tensor old, Tensor rows, long? written)
    {
        using var scope = NewDisposeScope();
        Tensor result;
        if (written is long w && w < old.shape[2])
        {
            result = torch.zeros([rows.shape[0], old.shape[1], old.shape[2], old.shape[3]], old.dtype, old.device);
            result.narrow(2, 0, w).copy_(old.narrow(2, 0, w).index_select(0, rows));
        }
        else
        {
            result = old.index_select(0, rows);
        }
        old.Dispose();
        return result.DetachFromDisposeScope();
    }

    /// <summary>
    /// cos and sin [B, 1, T, D] for position ids [B, T] int64 (each &lt; Capacity), looked up in a table that
    /// <paramref name="build"/> computes once for positions [0, Capacity) (it gets position ids [1, Capacity] and returns
    /// cos/sin [1, 1, Capacity, D], as <see cref="Rope.CosSin"/>). RoPE is elementwise in the position, so the lookup is exact.
    /// </summary>
    public (Tensor Cos, Tensor Sin) Rope(Tensor positionIds, Func<Tensor, (Tensor Cos, Tensor Sin)> build)
    {
        if (ropeCos is null || ropeSin is null)
        {
            using var scope = NewDisposeScope();
            var (c, s) = build(torch.arange(Capacity, ScalarType.Int64, positionIds.device).unsqueeze(0));
            ropeCos = c.reshape(Capacity, c.shape[^1]).DetachFromDisposeScope();
            ropeSin = s.reshape(Capacity, s.shape[^1]).DetachFromDisposeScope();
        }
        long b = positionIds.shape[0], t = positionIds.shape[1], d = ropeCos.shape[1];
        using var flat = positionIds.reshape(-1);
        return (ropeCos.index_select(0, flat).view(b, 1, t, d), ropeSin.index_select(0, flat).view(b, 1, t, d));
    }

    /// <summary>Total bytes held (keys and values).</summary>
    public long Bytes => keys.Sum(k => k.NumberOfElements * k.ElementSize) * 2;

    public void Dispose()
    {
        foreach (var t in keys.Concat(values))
        {
            t.Dispose();
        }
        keys = [];
        values = [];
        ClearRowColumns();
        ropeCos?.Dispose();
        ropeSin?.Dispose();
        ropeCos = null;
        ropeSin = null;
    }
}
