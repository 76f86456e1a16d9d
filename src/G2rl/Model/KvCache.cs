using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Model;

/// <summary>
/// Preallocated key/value cache: per layer K and V of shape [B, Hkv, Capacity, D]. Owned by its creator
/// (the sampler), never by the model. The model writes new keys at columns [start, start + T) and attends
/// over [0, start + T); no concatenation per step.
/// </summary>
public sealed class KvCache : IDisposable
{
    private Tensor[] keys;
    private Tensor[] values;

    public KvCache(Qwen3Config config, long batch, long capacity, ScalarType dtype, Device device)
    {
        keys = new Tensor[config.NumHiddenLayers];
        values = new Tensor[config.NumHiddenLayers];
        for (var i = 0; i < keys.Length; i++)
        {
            keys[i] = torch.zeros([batch, config.NumKeyValueHeads, capacity, config.HeadDim], dtype, device);
            values[i] = torch.zeros([batch, config.NumKeyValueHeads, capacity, config.HeadDim], dtype, device);
        }
        Capacity = capacity;
    }

    /// <summary>Number of columns (token positions) each row can hold.</summary>
    public long Capacity { get; }

    /// <summary>Rows in the cache.</summary>
    public long Batch => keys[0].shape[0];

    /// <summary>Writes k, v [B, Hkv, T, D] at columns [start, start+T) of layer <paramref name="layer"/> and returns views of columns [0, start+T).</summary>
    public (Tensor Keys, Tensor Values) Append(int layer, Tensor k, Tensor v, long start)
    {
        var length = k.shape[2];
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

    /// <summary>Keeps (and reorders to) the rows in <paramref name="rows"/> [R] int64, e.g. to copy a prompt's cache to its group or to drop finished rows.</summary>
    public void SelectRows(Tensor rows)
    {
        for (var i = 0; i < keys.Length; i++)
        {
            var k = keys[i].index_select(0, rows);
            var v = values[i].index_select(0, rows);
            keys[i].Dispose();
            values[i].Dispose();
            keys[i] = k.DetachFromDisposeScope();
            values[i] = v.DetachFromDisposeScope();
        }
    }

    /// <summary>Total bytes held.</summary>
    public long Bytes => keys.Sum(k => k.NumberOfElements * k.ElementSize) * 2;

    public void Dispose()
    {
        foreach (var t in keys.Concat(values))
        {
            t.Dispose();
        }
        keys = [];
        values = [];
    }
}
