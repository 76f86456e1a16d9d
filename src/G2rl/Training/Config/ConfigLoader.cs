using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace G2rl.Training.Config;

/// <summary>Binds a config tree to <see cref="TrainConfig"/> strictly (unknown keys are errors naming their path) and validates it.</summary>
public static class ConfigLoader
{
    /// <summary>Serializer options of config files: snake_case names, unknown members disallowed.</summary>
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    /// <summary>Reads the file, applies overrides, binds and validates.</summary>
    public static TrainConfig Load(string path, IEnumerable<string>? overrides = null)
    {
        var root = ConfigDocument.Read(path);
        ConfigDocument.ApplyOverrides(root, overrides ?? []);
        return Bind(root, path);
    }

    /// <summary>Binds a tree (already overridden) and validates it.</summary>
    public static TrainConfig Bind(JsonObject root, string source)
    {
        TrainConfig? config;
        try
        {
            config = root.Deserialize<TrainConfig>(Options);
        }
        catch (JsonException ex)
        {
            var where = ex.Path is { Length: > 0 } p ? $" at '{p.TrimStart('$', '.')}'" : "";
            var what = ex.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "unknown key" : "invalid value";
            throw new G2rlException($"{source}: {what}{where}: {ex.Message}", ex);
        }
        config ??= new TrainConfig();
        ConfigValidator.Validate(config, source);
        return config;
    }

    /// <summary>The fully resolved config as JSON (what is written into the run directory).</summary>
    public static string ToJson(TrainConfig config) => JsonSerializer.Serialize(config, Options);
}
