using G2rl.Model;
using G2rl.Sampling;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Sampling;

/// <summary>
/// Test-only copy of the dense sampler's state before continuous batching (the reference of DenseReferenceSampler).
/// The rows still decoding: their KV cache, key-padding mask over cache columns, next positions and output-row ids.
/// Finished rows are dropped by <see cref="Keep"/> so they stop costing compute. Owns its tensors.
/// </summary>
internal sealed class DenseDecodeState : IDisposable
{
    public DenseDecodeState(KvCache cache, Tensor keyMask, Tensor nextPositions, Tensor rows, long columns)
    {
        Cache = cache;
        KeyMask = keyMask;
        NextPositions = nextPositions;
        Rows = rows;
        Columns = columns;
    }

    /// <summary>Per-layer keys/values [R, Hkv, capacity, D].</summary>
    public KvCache Cache { get; }

    /// <summary>[R, capacity] int64: 1 where a cache column holds a real token of the row.</summary>
    public Tensor KeyMask { get; private set; }

    /// <summary>[R] int64 position id of each row's next token.</summary>
    public Tensor NextPositions { get; private set; }

    /// <summary>[R] int64 output-row index of each live row.</summary>
    public Tensor Rows { get; private set; }

    /// <summary>Cache columns filled so far (same for every row; left padding keeps them aligned).</summary>
    public long Columns { get; private set; }

    /// <summary>Live row count.</summary>
    public long Count => Rows.shape[0];

    /// <summary>One decode step: feeds tokens [R] int64 at column <see cref="Columns"/>; returns last-position logits [R, V] float32.</summary>
    public Tensor Step(ICausalLm model, Tensor tokens)
    {
        using var scope = NewDisposeScope();
        KeyMask.narrow(1, Columns, 1).fill_(1);
        var mask = AttentionMasks.Causal(KeyMask.narrow(1, 0, Columns + 1), Columns, 1, model.DType);
        var hidden = model.Hidden(tokens.unsqueeze(1), NextPositions.unsqueeze(1), mask, Cache, Columns);
        Columns += 1;
        Replace(NextPositions + 1, t => NextPositions = t, NextPositions);
        return model.Logits(hidden.squeeze(1)).to(ScalarType.Float32).MoveToOuterDisposeScope();
    }

    /// <summary>Keeps the live rows at <paramref name="keep"/> [R'] int64 (indices into the current rows).</summary>
    public void Keep(Tensor keep)
    {
        Cache.SelectRows(keep);
        Replace(KeyMask.index_select(0, keep), t => KeyMask = t, KeyMask);
        Replace(NextPositions.index_select(0, keep), t => NextPositions = t, NextPositions);
        Replace(Rows.index_select(0, keep), t => Rows = t, Rows);
    }

    private static void Replace(Tensor value, Action<Tensor> set, Tensor old)
    {
        set(value.DetachFromDisposeScope());
        old.Dispose();
    }

    public void Dispose()
    {
        Cache.Dispose();
        KeyMask.Dispose();
        NextPositions.Dispose();
        Rows.Dispose();
    }
}
