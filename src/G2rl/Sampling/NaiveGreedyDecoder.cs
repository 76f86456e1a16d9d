using G2rl.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Sampling;

/// <summary>
/// Reference greedy decoding by full recomputation (no KV cache): each step runs the whole sequence again.
/// Slow by design; the fast path (<c>BatchedSampler</c>) is tested against it.
/// </summary>
public static class NaiveGreedyDecoder
{
    /// <summary>
    /// Appends <paramref name="newTokens"/> argmax tokens to each row of a left-padded batch
    /// (ids [B, T] int64, attention mask [B, T]); returns the new tokens [B, N] int64 on the CPU.
    /// </summary>
    public static Tensor Generate(Qwen3ForCausalLM model, Tensor inputIds, Tensor attentionMask, int newTokens)
    {
        using var noGrad = torch.no_grad();
        var ids = inputIds.to(model.Device).alias().DetachFromDisposeScope();
        var mask = attentionMask.to(ScalarType.Int64).to(model.Device).alias().DetachFromDisposeScope();
        var generated = new List<Tensor>();
        try
        {
            for (var i = 0; i < newTokens; i++)
            {
                using var scope = NewDisposeScope();
                var (logits, _) = model.Forward(ids, mask);
                var next = logits.select(1, -1).argmax(-1, keepdim: true); // [B, 1]
                var newIds = torch.cat([ids, next], 1).DetachFromDisposeScope();
                var newMask = torch.cat([mask, torch.ones_like(next)], 1).DetachFromDisposeScope();
                ids.Dispose();
                mask.Dispose();
                ids = newIds;
                mask = newMask;
                generated.Add(next.cpu().DetachFromDisposeScope());
            }
            return torch.cat(generated, 1);
        }
        finally
        {
            ids.Dispose();
            mask.Dispose();
            foreach (var g in generated)
            {
                g.Dispose();
            }
        }
    }
}
