using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace G2rl.Model;

/// <summary>
/// The fields of a dense Qwen3 Hugging Face <c>config.json</c>. Unsupported variants (MoE, sliding-window
/// attention, RoPE scaling) are refused by <see cref="Validate"/> with a message naming the field.
/// </summary>
public sealed record Qwen3Config
{
    public int VocabSize { get; init; }
    public int HiddenSize { get; init; }
    public int IntermediateSize { get; init; }
    public int NumHiddenLayers { get; init; }
    public int NumAttentionHeads { get; init; }
    public int NumKeyValueHeads { get; init; }
    public int HeadDim { get; init; }
    public double RopeTheta { get; init; } = 1_000_000;
    public double RmsNormEps { get; init; } = 1e-6;
    public bool TieWordEmbeddings { get; init; }
    public bool AttentionBias { get; init; }
    public int MaxPositionEmbeddings { get; init; } = 40_960;
    public int? BosTokenId { get; init; }

    /// <summary>End-of-sequence ids (config.json allows an int or a list).</summary>
    public IReadOnlyList<int> EosTokenIds { get; init; } = [];
    public int? PadTokenId { get; init; }

    /// <summary>The dtype the checkpoint was saved in (<c>torch_dtype</c> / <c>dtype</c>), e.g. "bfloat16".</summary>
    public string? TorchDtype { get; init; }

    /// <summary>Reads and validates a config.json; errors name the file and the field.</summary>
    public static Qwen3Config Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new G2rlException($"config not found: {path}");
        }
        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject
                ?? throw new G2rlException($"{path}: expected a JSON object");
        }
        catch (JsonException ex)
        {
            throw new G2rlException($"{path}: malformed JSON: {ex.Message}", ex);
        }
        return FromJson(root, path);
    }

    /// <summary>Builds a config from a parsed config.json object (<paramref name="source"/> names it in errors).</summary>
    public static Qwen3Config FromJson(JsonObject root, string source)
    {
        var r = new ConfigFieldReader(root, source);
        var modelType = r.OptionalString("model_type");
        if (modelType is not null && modelType != "qwen3")
        {
            throw new G2rlException($"{source}: model_type '{modelType}' is not supported (only dense 'qwen3'; MoE 'qwen3_moe' is not)");
        }
        if (r.Has("num_experts") && r.OptionalInt("num_experts") is > 0)
        {
            throw new G2rlException($"{source}: num_experts is set: mixture-of-experts models are not supported");
        }
        if (r.OptionalBool("use_sliding_window") == true)
        {
            throw new G2rlException($"{source}: use_sliding_window=true is not supported (sliding-window attention)");
        }
        var rope = root["rope_parameters"] as JsonObject;
        var ropeScaling = root["rope_scaling"] as JsonObject;
        var ropeType = (rope?["rope_type"] ?? ropeScaling?["rope_type"] ?? ropeScaling?["type"])?.ToString();
        if (ropeScaling is not null || (ropeType is not null && ropeType != "default"))
        {
            throw new G2rlException($"{source}: rope scaling ('{ropeType ?? "set"}') is not supported; only default RoPE");
        }
        if (r.OptionalString("hidden_act") is { } act && act != "silu")
        {
            throw new G2rlException($"{source}: hidden_act '{act}' is not supported (the model computes SwiGLU with silu only)");
        }
        var hidden = r.RequiredInt("hidden_size");
        var heads = r.RequiredInt("num_attention_heads");
        var config = new Qwen3Config
        {
            VocabSize = r.RequiredInt("vocab_size"),
            HiddenSize = hidden,
            IntermediateSize = r.RequiredInt("intermediate_size"),
            NumHiddenLayers = r.RequiredInt("num_hidden_layers"),
            NumAttentionHeads = heads,
            NumKeyValueHeads = r.OptionalInt("num_key_value_heads") ?? heads,
            HeadDim = r.OptionalInt("head_dim") ?? (hidden / Math.Max(heads, 1)),
            RopeTheta = r.OptionalDouble("rope_theta") ?? (rope is null ? null : new ConfigFieldReader(rope, source + " rope_parameters").OptionalDouble("rope_theta")) ?? 1_000_000,
            RmsNormEps = r.OptionalDouble("rms_norm_eps") ?? 1e-6,
            TieWordEmbeddings = r.OptionalBool("tie_word_embeddings") ?? false,
            AttentionBias = r.OptionalBool("attention_bias") ?? false,
            MaxPositionEmbeddings = r.OptionalInt("max_position_embeddings") ?? 40_960,
            BosTokenId = r.OptionalInt("bos_token_id"),
            EosTokenIds = r.IntOrIntList("eos_token_id"),
            PadTokenId = r.OptionalInt("pad_token_id"),
            TorchDtype = r.OptionalString("torch_dtype") ?? r.OptionalString("dtype"),
        };
        config.Validate(source);
        return config;
    }

    /// <summary>Checks sizes and divisibility; throws a <see cref="G2rlException"/> naming the field.</summary>
    public void Validate(string source = "config")
    {
        Positive(VocabSize, "vocab_size");
        Positive(HiddenSize, "hidden_size");
        Positive(IntermediateSize, "intermediate_size");
        Positive(NumHiddenLayers, "num_hidden_layers");
        Positive(NumAttentionHeads, "num_attention_heads");
        Positive(NumKeyValueHeads, "num_key_value_heads");
        Positive(HeadDim, "head_dim");
        Positive(MaxPositionEmbeddings, "max_position_embeddings");
        if (HeadDim % 2 != 0)
        {
            throw new G2rlException($"{source}: head_dim must be even for RoPE, got {HeadDim}");
        }
        if (NumAttentionHeads % NumKeyValueHeads != 0)
        {
            throw new G2rlException($"{source}: num_attention_heads ({NumAttentionHeads}) must be a multiple of num_key_value_heads ({NumKeyValueHeads})");
        }
        if (RmsNormEps <= 0 || RopeTheta <= 0)
        {
            throw new G2rlException($"{source}: rms_norm_eps and rope_theta must be positive");
        }
        void Positive(int value, string name)
        {
            if (value <= 0)
            {
                throw new G2rlException($"{source}: {name} must be positive, got {value}");
            }
        }
    }

    /// <summary>Serialises as a Hugging Face config.json (transformers can load it).</summary>
    public JsonObject ToJson(string dtypeName)
    {
        var o = new JsonObject
        {
            ["architectures"] = new JsonArray("Qwen3ForCausalLM"),
            ["model_type"] = "qwen3",
            ["attention_bias"] = AttentionBias,
            ["attention_dropout"] = 0.0,
            ["hidden_act"] = "silu",
            ["vocab_size"] = VocabSize,
            ["hidden_size"] = HiddenSize,
            ["intermediate_size"] = IntermediateSize,
            ["num_hidden_layers"] = NumHiddenLayers,
            ["num_attention_heads"] = NumAttentionHeads,
            ["num_key_value_heads"] = NumKeyValueHeads,
            ["head_dim"] = HeadDim,
            ["rope_theta"] = RopeTheta,
            ["rope_scaling"] = null,
            ["rms_norm_eps"] = RmsNormEps,
            ["tie_word_embeddings"] = TieWordEmbeddings,
            ["max_position_embeddings"] = MaxPositionEmbeddings,
            ["sliding_window"] = null,
            ["use_sliding_window"] = false,
            ["max_window_layers"] = NumHiddenLayers,
            ["initializer_range"] = 0.02,
            ["use_cache"] = true,
            ["torch_dtype"] = dtypeName,
        };
        if (BosTokenId is int bos)
        {
            o["bos_token_id"] = bos;
        }
        if (EosTokenIds.Count == 1)
        {
            o["eos_token_id"] = EosTokenIds[0];
        }
        else if (EosTokenIds.Count > 1)
        {
            o["eos_token_id"] = new JsonArray(EosTokenIds.Select(e => (JsonNode?)e).ToArray());
        }
        if (PadTokenId is int pad)
        {
            o["pad_token_id"] = pad;
        }
        return o;
    }

    /// <summary>Number of parameters (embedding, layers, final norm, and the LM head when untied).</summary>
    public long ParameterCount()
    {
        long d = HiddenSize, q = (long)NumAttentionHeads * HeadDim, kv = (long)NumKeyValueHeads * HeadDim;
        var attention = (d * q) + (2 * d * kv) + (q * d) + (2L * HeadDim) + (AttentionBias ? q + (2 * kv) + d : 0);
        var mlp = 3 * d * IntermediateSize;
        var layer = attention + mlp + (2 * d);
        var embed = (long)VocabSize * d;
        return embed + (NumHiddenLayers * layer) + d + (TieWordEmbeddings ? 0 : embed);
    }

    /// <inheritdoc/>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture,
        $"Qwen3(vocab={VocabSize}, d={HiddenSize}, ffn={IntermediateSize}, layers={NumHiddenLayers}, heads={NumAttentionHeads}/{NumKeyValueHeads}x{HeadDim}, tied={TieWordEmbeddings})");
}
