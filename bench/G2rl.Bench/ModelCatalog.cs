using G2rl.Model;

namespace G2rl.Bench;

/// <summary>The model shapes the benchmarks know by name.</summary>
internal static class ModelCatalog
{
    /// <summary>
    /// ~42M parameters, Qwen3-shaped (GQA 8/4, q/k norm, tied head) with a 32k vocabulary: Qwen3's own 151,936-token
    /// vocabulary would put 78M parameters in the embedding alone at d=512 and make the LM head dominate every step.
    /// </summary>
    public static readonly Qwen3Config Medium = new()
    {
        VocabSize = 32_768,
        HiddenSize = 512,
        IntermediateSize = 1_536,
        NumHiddenLayers = 8,
        NumAttentionHeads = 8,
        NumKeyValueHeads = 4,
        HeadDim = 64,
        TieWordEmbeddings = true,
        MaxPositionEmbeddings = 4_096,
    };

    /// <summary>Qwen3-1.7B's architecture (random weights): 1.72B parameters (1.41B outside the tied 151,936 × 2048 embedding).</summary>
    public static readonly Qwen3Config Qwen3_1_7B = new()
    {
        VocabSize = 151_936,
        HiddenSize = 2_048,
        IntermediateSize = 6_144,
        NumHiddenLayers = 28,
        NumAttentionHeads = 16,
        NumKeyValueHeads = 8,
        HeadDim = 128,
        TieWordEmbeddings = true,
        MaxPositionEmbeddings = 40_960,
    };

    /// <summary>The tiny fixture's shape with random weights and a longer context (for smoke runs with long prompts).</summary>
    public static readonly Qwen3Config TinyRandom = new()
    {
        VocabSize = 384,
        HiddenSize = 64,
        IntermediateSize = 128,
        NumHiddenLayers = 2,
        NumAttentionHeads = 4,
        NumKeyValueHeads = 2,
        HeadDim = 16,
        TieWordEmbeddings = true,
        MaxPositionEmbeddings = 4_096,
    };

    /// <summary>
    /// Qwen3-1.7B's layout (28 layers, 16 query / 8 KV heads, tied head) at CPU size (d = 128, head_dim 16, vocab 2,048): a decode
    /// step issues the same TorchSharp calls as the 1.7B model, so its tensors-per-step count is the 1.7B count.
    /// </summary>
    public static readonly Qwen3Config Qwen3_1_7BLayout = new()
    {
        VocabSize = 2_048,
        HiddenSize = 128,
        IntermediateSize = 384,
        NumHiddenLayers = 28,
        NumAttentionHeads = 16,
        NumKeyValueHeads = 8,
        HeadDim = 16,
        TieWordEmbeddings = true,
        MaxPositionEmbeddings = 40_960,
    };

    private static readonly ModelShape[] Shapes =
    [
        new("tiny", "transformers fixture tiny-qwen3-tied (real checkpoint)", null, "tiny-qwen3-tied"),
        new("tiny-random", "tiny fixture shape, random weights, 4k context", TinyRandom, null),
        new("medium", "Qwen3-shaped, vocab 32k, random weights", Medium, null),
        new("qwen3-1.7b", "Qwen3-1.7B shape, random weights", Qwen3_1_7B, null),
        new("qwen3-1.7b-layout", "Qwen3-1.7B's layers and heads at CPU size (same calls per step), random weights", Qwen3_1_7BLayout, null),
    ];

    /// <summary>Known names, for help text.</summary>
    public static IEnumerable<string> Names => Shapes.Select(s => s.Name);

    /// <summary>The shape called <paramref name="name"/>; unknown names are an error listing the choices.</summary>
    public static ModelShape Get(string name) =>
        Shapes.FirstOrDefault(s => s.Name == name)
        ?? throw new G2rlException($"unknown model '{name}': choose {string.Join(", ", Names)}");
}
