using G2rl.Model;
using TorchSharp;
using static TorchSharp.torch;

namespace G2rl.Tests.Model;

/// <summary>The real Qwen3 configs built on the meta device have HF's parameter names, shapes and published sizes.</summary>
public sealed class PublishedShapeTests
{
    // (hidden, intermediate, layers, heads, published total in billions, published non-embedding in billions) from the Qwen3 model cards.
    [Theory]
    [InlineData("Qwen3-0.6B", 1024, 3072, 28, 16, 0.6, 0.44)]
    [InlineData("Qwen3-1.7B", 2048, 6144, 28, 16, 1.7, 1.4)]
    [InlineData("Qwen3-4B", 2560, 9728, 36, 32, 4.0, 3.6)]
    public void MetaModelMatchesPublishedConfig(string name, int hidden, int ffn, int layers, int heads, double totalB, double nonEmbeddingB)
    {
        var config = new Qwen3Config
        {
            VocabSize = 151936, HiddenSize = hidden, IntermediateSize = ffn, NumHiddenLayers = layers,
            NumAttentionHeads = heads, NumKeyValueHeads = 8, HeadDim = 128, TieWordEmbeddings = true,
        };
        using var model = new Qwen3ForCausalLM(config, ScalarType.BFloat16, new Device("meta"));
        var p = model.named_parameters().ToDictionary(x => x.name, x => x.parameter.shape);
        Assert.Equal(1 + (layers * 11) + 1, p.Count);
        Assert.Equal([151936L, hidden], p["model.embed_tokens.weight"]);
        Assert.Equal([heads * 128L, hidden], p[$"model.layers.{layers - 1}.self_attn.q_proj.weight"]);
        Assert.Equal([8 * 128L, hidden], p["model.layers.0.self_attn.k_proj.weight"]);
        Assert.Equal([hidden, heads * 128L], p["model.layers.0.self_attn.o_proj.weight"]);
        Assert.Equal([128L], p["model.layers.0.self_attn.q_norm.weight"]);
        Assert.Equal([ffn, (long)hidden], p["model.layers.0.mlp.gate_proj.weight"]);
        Assert.Equal([(long)hidden, ffn], p["model.layers.0.mlp.down_proj.weight"]);
        Assert.False(p.ContainsKey("lm_head.weight"));
        var total = p.Values.Sum(s => s.Aggregate(1L, (a, b) => a * b));
        Assert.Equal(config.ParameterCount(), total);
        var nonEmbedding = total - (151936L * hidden);
        Assert.Equal(totalB, Math.Round(total / 1e9, 1));
        Assert.Equal(nonEmbeddingB, Math.Round(nonEmbedding / 1e9, nonEmbeddingB < 1 ? 2 : 1));
        Assert.StartsWith("Qwen3-", name);
    }
}
