using System.Text.Json;
using System.Text.Json.Nodes;
using G2rl.Model;

namespace G2rl.Checkpoints;

/// <summary>
/// adapter_config.json of a PEFT LoRA adapter (peft.LoraConfig): the fields g2rl writes and the subset it can read back.
/// Variants that change the math (rslora, DoRA, per-module rank/alpha patterns, fan_in_fan_out, trained biases,
/// modules_to_save) are rejected on read rather than merged wrongly.
/// </summary>
public sealed record PeftAdapterConfig
{
    /// <summary>The file name inside an adapter folder.</summary>
    public const string FileName = "adapter_config.json";

    /// <summary>r.</summary>
    public required int Rank { get; init; }

    /// <summary>lora_alpha.</summary>
    public required double Alpha { get; init; }

    /// <summary>lora_dropout.</summary>
    public double Dropout { get; init; }

    /// <summary>target_modules.</summary>
    public IReadOnlyList<string> Targets { get; init; } = [];

    /// <summary>base_model_name_or_path.</summary>
    public string BaseModel { get; init; } = "";

    /// <summary>α/r.</summary>
    public double Scaling => Alpha / Rank;

    /// <summary>The config of live adapters.</summary>
    public static PeftAdapterConfig Of(LoraAdapters adapters) => new()
    {
        Rank = adapters.Options.Rank,
        Alpha = adapters.Options.Alpha,
        Dropout = adapters.Options.Dropout,
        Targets = adapters.Options.Targets,
        BaseModel = adapters.BaseModelPath,
    };

    /// <summary>The JSON PEFT writes for a LoRA of a causal LM (keys sorted as PEFT does).</summary>
    public JsonObject ToJson() => new()
    {
        ["alpha_pattern"] = new JsonObject(),
        ["auto_mapping"] = null,
        ["base_model_name_or_path"] = BaseModel,
        ["bias"] = "none",
        ["fan_in_fan_out"] = false,
        ["inference_mode"] = true,
        ["init_lora_weights"] = true,
        ["layers_pattern"] = null,
        ["layers_to_transform"] = null,
        ["lora_alpha"] = Alpha == Math.Floor(Alpha) && Math.Abs(Alpha) < int.MaxValue ? JsonValue.Create((int)Alpha) : JsonValue.Create(Alpha),
        ["lora_dropout"] = Dropout,
        ["modules_to_save"] = null,
        ["peft_type"] = "LORA",
        ["r"] = Rank,
        ["rank_pattern"] = new JsonObject(),
        ["revision"] = null,
        ["target_modules"] = new JsonArray([.. Targets.Select(t => (JsonNode?)t)]),
        ["task_type"] = "CAUSAL_LM",
        ["use_dora"] = false,
        ["use_rslora"] = false,
    };

    /// <summary>Writes &lt;folder&gt;/adapter_config.json.</summary>
    public void Write(string folder) =>
        File.WriteAllText(Path.Combine(folder, FileName), ToJson().ToJsonString(new JsonSerializerOptions { WriteIndented = true }));

    /// <summary>Reads &lt;folder&gt;/adapter_config.json; errors name the file and field.</summary>
    public static PeftAdapterConfig Read(string folder)
    {
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            throw new G2rlException($"{folder}: no {FileName} (not a PEFT adapter folder)");
        }
        JsonObject root;
        try
        {
            root = JsonNode.Parse(File.ReadAllText(path)) as JsonObject ?? throw new G2rlException($"{path}: expected a JSON object");
        }
        catch (JsonException ex)
        {
            throw new G2rlException($"{path}: malformed JSON: {ex.Message}", ex);
        }
        string? Text(string key) => root[key] is JsonValue v && v.TryGetValue<string>(out var s) ? s : null;
        bool Flag(string key) => root[key] is JsonValue v && v.TryGetValue<bool>(out var b) && b;
        bool NonEmpty(string key) => root[key] is JsonObject { Count: > 0 } or JsonArray { Count: > 0 };
        void Reject(bool bad, string key, string why)
        {
            if (bad)
            {
                throw new G2rlException($"{path}: {key} {why}");
            }
        }
        Reject(Text("peft_type") != "LORA", "peft_type", $"is '{Text("peft_type")}', only LORA is supported");
        Reject(Flag("use_rslora") || Flag("use_dora") || Flag("fan_in_fan_out"), "use_rslora/use_dora/fan_in_fan_out", "are not supported (must be false)");
        Reject(Text("bias") is { } bias && bias != "none", "bias", "must be none");
        Reject(NonEmpty("rank_pattern") || NonEmpty("alpha_pattern") || NonEmpty("modules_to_save"), "rank_pattern/alpha_pattern/modules_to_save", "are not supported (must be empty)");
        var rank = root["r"] is JsonValue r && r.TryGetValue<int>(out var ri) && ri >= 1 ? ri : throw new G2rlException($"{path}: r must be an integer ≥ 1");
        var alpha = root["lora_alpha"] is JsonValue a && a.TryGetValue<double>(out var ad) && ad > 0 ? ad : throw new G2rlException($"{path}: lora_alpha must be a number > 0");
        var dropout = root["lora_dropout"] is JsonValue d && d.TryGetValue<double>(out var dd) ? dd : 0;
        var targets = root["target_modules"] switch
        {
            JsonArray list => list.Select(t => t?.GetValue<string>() ?? "").ToList(),
            JsonValue v when v.TryGetValue<string>(out var s) => [s],
            _ => [],
        };
        return new PeftAdapterConfig { Rank = rank, Alpha = alpha, Dropout = dropout, Targets = targets, BaseModel = Text("base_model_name_or_path") ?? "" };
    }
}
