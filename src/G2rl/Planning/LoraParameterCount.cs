using G2rl.Model;

namespace G2rl.Planning;

/// <summary>Adapter parameters of <c>model.lora</c>: r · layers · Σ (in + out) over the targeted projections (docs/lora.md).</summary>
public static class LoraParameterCount
{
    /// <summary>The adapter parameter count for <paramref name="targets"/> at rank <paramref name="rank"/>.</summary>
    public static long Of(Qwen3Config m, int rank, IEnumerable<string> targets)
    {
        long d = m.HiddenSize, q = (long)m.NumAttentionHeads * m.HeadDim, kv = (long)m.NumKeyValueHeads * m.HeadDim, i = m.IntermediateSize;
        long perLayer = targets.Sum(t => t switch
        {
            "q_proj" => d + q,
            "k_proj" or "v_proj" => d + kv,
            "o_proj" => q + d,
            "gate_proj" or "up_proj" => d + i,
            "down_proj" => i + d,
            _ => throw new G2rlException($"model.lora.targets: no linear layer named {t}"),
        });
        return rank * m.NumHiddenLayers * perLayer;
    }
}
