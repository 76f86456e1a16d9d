using System.Text.Json.Nodes;
using G2rl.Model;

namespace G2rl.Tests.Model;

/// <summary>config.json parsing: every dense field, and clear refusals of what is not supported.</summary>
public sealed class ConfigTests
{
    private static JsonObject Base() => new()
    {
        ["model_type"] = "qwen3",
        ["vocab_size"] = 151936,
        ["hidden_size"] = 2048,
        ["intermediate_size"] = 6144,
        ["num_hidden_layers"] = 28,
        ["num_attention_heads"] = 16,
        ["num_key_value_heads"] = 8,
        ["head_dim"] = 128,
        ["rope_theta"] = 1000000,
        ["rms_norm_eps"] = 1e-6,
        ["tie_word_embeddings"] = true,
        ["max_position_embeddings"] = 32768,
        ["bos_token_id"] = 151643,
        ["eos_token_id"] = 151643,
        ["rope_scaling"] = null,
        ["sliding_window"] = null,
        ["use_sliding_window"] = false,
        ["torch_dtype"] = "bfloat16",
    };

    [Fact]
    public void ReadsEveryDenseField()
    {
        var c = Qwen3Config.FromJson(Base(), "config.json");
        Assert.Equal((151936, 2048, 6144, 28, 16, 8, 128), (c.VocabSize, c.HiddenSize, c.IntermediateSize, c.NumHiddenLayers, c.NumAttentionHeads, c.NumKeyValueHeads, c.HeadDim));
        Assert.Equal(1e6, c.RopeTheta);
        Assert.Equal(1e-6, c.RmsNormEps);
        Assert.True(c.TieWordEmbeddings);
        Assert.Equal(32768, c.MaxPositionEmbeddings);
        Assert.Equal(151643, c.BosTokenId);
        Assert.Equal([151643], c.EosTokenIds);
        Assert.Null(c.PadTokenId);
        Assert.Equal("bfloat16", c.TorchDtype);
    }

    [Fact]
    public void EosListAndRopeParametersFormAreAccepted()
    {
        var j = Base();
        j["eos_token_id"] = new JsonArray(151645, 151643);
        j.Remove("rope_theta");
        j["rope_parameters"] = new JsonObject { ["rope_theta"] = 5000.0, ["rope_type"] = "default" };
        var c = Qwen3Config.FromJson(j, "config.json");
        Assert.Equal([151645, 151643], c.EosTokenIds);
        Assert.Equal(5000.0, c.RopeTheta);
    }

    [Theory]
    [InlineData("num_experts", "mixture-of-experts")]
    [InlineData("use_sliding_window", "sliding-window")]
    [InlineData("rope_scaling", "rope scaling")]
    [InlineData("model_type", "qwen3_moe")]
    public void UnsupportedVariantsAreRefusedByName(string field, string expected)
    {
        var j = Base();
        j[field] = field switch
        {
            "num_experts" => 128,
            "use_sliding_window" => true,
            "rope_scaling" => new JsonObject { ["rope_type"] = "yarn", ["factor"] = 4.0 },
            _ => "qwen3_moe",
        };
        var ex = Assert.Throws<G2rlException>(() => Qwen3Config.FromJson(j, "my/config.json"));
        Assert.Contains(expected, ex.Message);
        Assert.Contains("my/config.json", ex.Message);
    }

    [Fact]
    public void MissingAndMistypedFieldsAreNamed()
    {
        var j = Base();
        j.Remove("hidden_size");
        Assert.Contains("'hidden_size'", Assert.Throws<G2rlException>(() => Qwen3Config.FromJson(j, "c.json")).Message);
        j = Base();
        j["num_hidden_layers"] = "many";
        Assert.Contains("'num_hidden_layers'", Assert.Throws<G2rlException>(() => Qwen3Config.FromJson(j, "c.json")).Message);
        j = Base();
        j["num_key_value_heads"] = 5;
        Assert.Contains("num_key_value_heads", Assert.Throws<G2rlException>(() => Qwen3Config.FromJson(j, "c.json")).Message);
    }

    [Fact]
    public void RoundTripsThroughToJson()
    {
        var c = Qwen3Config.FromJson(Base(), "a");
        var again = Qwen3Config.FromJson(c.ToJson("bfloat16"), "b");
        Assert.Equal(c with { EosTokenIds = [] }, again with { EosTokenIds = [] });
        Assert.Equal(c.EosTokenIds, again.EosTokenIds);
    }
}
