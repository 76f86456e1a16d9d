using G2rl.Model;

namespace G2rl.Planning;

/// <summary>
/// The byte formulas of the memory plan (docs/memory-plan.md derives each one from src/G2rl/Model). Pure functions of the
/// model shape; b = bytes per element of the compute dtype, d = hidden, q = heads × head_dim, kv = kv_heads × head_dim,
/// f = intermediate size, H = heads, L = layers, V = vocabulary.
/// </summary>
public static class MemoryFormulas
{
    /// <summary>KV cache bytes per token position: 2 (K and V) × kv_heads × head_dim × b × L.</summary>
    public static long KvBytesPerToken(Qwen3Config c, int b) => 2L * c.NumKeyValueHeads * c.HeadDim * b * c.NumHiddenLayers;

    /// <summary>Dense KV cache of <paramref name="slots"/> rows, each holding <paramref name="capacity"/> positions.</summary>
    public static long KvCacheBytes(Qwen3Config c, int b, long slots, long capacity) => slots * capacity * KvBytesPerToken(c, b);

    /// <summary>
    /// Bytes autograd keeps per token for one decoder layer (no checkpointing): the two RMSNorms 2·(4d + 2bd), q_norm 4q + bq,
    /// k_norm 4kv + b·kv, SDPA's saved q, repeated K and V, and output 4bq, its log-sum-exp 4H, o_proj's input bq, the MLP 4bf.
    /// </summary>
    public static long LayerActivationBytesPerToken(Qwen3Config c, int b)
    {
        long d = c.HiddenSize, q = (long)c.NumAttentionHeads * c.HeadDim, kv = (long)c.NumKeyValueHeads * c.HeadDim, f = c.IntermediateSize;
        var norms = 2 * ((4 * d) + (2 * b * d));
        var qkNorms = (4 * q) + (b * q) + (4 * kv) + (b * kv);
        var attention = (4 * b * q) + (4L * c.NumAttentionHeads) + (b * q);
        var mlp = 4 * b * f;
        return norms + qkNorms + attention + mlp;
    }

    /// <summary>Bytes per token outside the layers: the final RMSNorm (4d + 2bd) and the hidden states gathered for the LM head (bd).</summary>
    public static long HeadActivationBytesPerToken(Qwen3Config c, int b) => (4L * c.HiddenSize) + (3L * b * c.HiddenSize);

    /// <summary>
    /// Transient gradients of the backward pass of one layer per token: the gradients of the MLP's two [T, f] inputs and of
    /// q, repeated K/V and the attention output, b·(2f + 4q).
    /// </summary>
    public static long BackwardWorkingBytesPerToken(Qwen3Config c, int b) =>
        b * ((2L * c.IntermediateSize) + (4L * c.NumAttentionHeads * c.HeadDim));

    /// <summary>Per token of a micro-batch without checkpointing: L·layer + head + backward working set.</summary>
    public static long TrainBytesPerToken(Qwen3Config c, int b) =>
        (c.NumHiddenLayers * LayerActivationBytesPerToken(c, b)) + HeadActivationBytesPerToken(c, b) + BackwardWorkingBytesPerToken(c, b);

    /// <summary>Per token with gradient checkpointing: each layer keeps its input (bd); one layer is recomputed with full activations in backward.</summary>
    public static long CheckpointedTrainBytesPerToken(Qwen3Config c, int b) =>
        (c.NumHiddenLayers * (long)b * c.HiddenSize) + LayerActivationBytesPerToken(c, b) + HeadActivationBytesPerToken(c, b) + BackwardWorkingBytesPerToken(c, b);

    /// <summary>
    /// The chunked LM-head log-prob pass (Rl/LmHeadLogProbFunction): about five [chunk, V] float32 buffers live in its backward
    /// (logits, log p, p, dz and a temporary) plus the float32 weight-gradient accumulator [V, d] and its cast to the dtype.
    /// </summary>
    public static long LmHeadChunkBytes(Qwen3Config c, int b, long chunk) =>
        (5L * chunk * c.VocabSize * 4) + ((long)c.VocabSize * c.HiddenSize * (4 + b));

    /// <summary>Sampling transients of one decode step: [slots, V] logits in the dtype plus three float32 copies (logits, probabilities, top-p sort).</summary>
    public static long SamplingLogitsBytes(Qwen3Config c, int b, long slots) => slots * c.VocabSize * (b + (3L * 4));

    /// <summary>No-grad prefill working set per prompt token: the MLP's three [T, f] tensors and q, K/V repeats and output b·(3f + 4q + 2d).</summary>
    public static long PrefillBytesPerToken(Qwen3Config c, int b) =>
        b * ((3L * c.IntermediateSize) + (4L * c.NumAttentionHeads * c.HeadDim) + (2L * c.HiddenSize));
}
