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
        var root = ConfigDocument.Read(path, out var lines);
        var list = (overrides ?? []).ToList();
        ConfigDocument.ApplyOverrides(root, list);
        var overridden = list.Select(o => o.Split('=', 2)[0].Trim()).ToHashSet(StringComparer.Ordinal);
        return Bind(root, path, lines.Where(kv => !overridden.Contains(kv.Key)).ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal));
    }

    /// <summary>Binds a tree (already overridden) and validates it.</summary>
    public static TrainConfig Bind(JsonObject root, string source) => Bind(root, source, new Dictionary<string, int>());

    /// <summary>
    /// Binds and validates; a type error or unknown key names the key and, from <paramref name="lines"/> (key path →
    /// line of the user's file), its line, never a position in the internal JSON form.
    /// </summary>
    public static TrainConfig Bind(JsonObject root, string source, IReadOnlyDictionary<string, int> lines)
    {
        TrainConfig? config;
        try
        {
            config = root.Deserialize<TrainConfig>(Options);
        }
        catch (JsonException ex)
        {
            var key = ex.Path is { Length: > 0 } p ? p.TrimStart('$', '.') : "";
            var what = ex.Message.Contains("could not be mapped", StringComparison.Ordinal) ? "unknown key" : "invalid value";
            var line = lines.TryGetValue(key, out var l) ? $":{l}" : "";
            var detail = ex.Message.Split(" Path: ", 2)[0].Split(" LineNumber: ", 2)[0].TrimEnd('.', ' ');
            throw new G2rlException($"{source}{line}: {what}{(key.Length > 0 ? $" at '{key}'" : "")}: {detail}", ex);
        }
        catch (Exception ex) when (ex is ArgumentException or InvalidOperationException or FormatException or OverflowException)
        {
            throw new G2rlException($"{source}: invalid value: {ex.Message}", ex);
        }
        config ??= new TrainConfig();
        ConfigNulls.Check(config, source);
        ConfigValidator.Validate(config, source);
        return config;
    }

    /// <summary>The fully resolved config as JSON (what is written into the run directory).</summary>
    public static string ToJson(TrainConfig config) => JsonSerializer.Serialize(config, Options);
}
