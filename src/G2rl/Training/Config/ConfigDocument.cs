using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tomlyn.Model;
using YamlDotNet.RepresentationModel;

namespace G2rl.Training.Config;

/// <summary>Reads a config file (.json, .yaml/.yml, .toml) into a JSON tree and applies <c>--set key.path=value</c> overrides.</summary>
public static class ConfigDocument
{
    /// <summary>Deepest nesting of mappings and lists a config may have (deeper input is refused before it is parsed).</summary>
    public const int MaxDepth = 64;

    /// <summary>Parses <paramref name="path"/> by its extension; errors name the file (and line where the parser reports one).</summary>
    public static JsonObject Read(string path) => Read(path, out _);

    /// <summary>
    /// As <see cref="Read(string)"/>, with the line of every key in the user's file (YAML: "rollout.group_size" → 7;
    /// empty for JSON and TOML), so later type errors can name the user's line.
    /// </summary>
    public static JsonObject Read(string path, out IReadOnlyDictionary<string, int> lines)
    {
        var keyLines = new Dictionary<string, int>(StringComparer.Ordinal);
        lines = keyLines;
        if (!File.Exists(path))
        {
            throw new G2rlException($"config file not found: {path}");
        }
        if (Directory.Exists(path))
        {
            throw new G2rlException($"config file {path} is a directory");
        }
        var text = File.ReadAllText(path);
        var ext = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            var node = ext switch
            {
                ".json" => JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }),
                ".yaml" or ".yml" => FromYaml(text, path, keyLines),
                ".toml" => FromToml(text, path),
                _ => throw new G2rlException($"{path}: unknown config format '{ext}' (use .json, .yaml or .toml)"),
            };
            return node as JsonObject ?? (node is null ? new JsonObject() : throw new G2rlException($"{path}: the top level must be a mapping"));
        }
        catch (Exception ex) when (ex is JsonException or YamlDotNet.Core.YamlException or Tomlyn.TomlException or InvalidOperationException)
        {
            throw new G2rlException($"{path}: malformed {ext.TrimStart('.')}: {ex.Message}", ex);
        }
    }

    /// <summary>Applies "a.b.c=value" overrides; the value is parsed as JSON when it is a JSON literal (number, bool, null, list), else taken as a string.</summary>
    public static void ApplyOverrides(JsonObject root, IEnumerable<string> overrides)
    {
        foreach (var item in overrides)
        {
            var eq = item.IndexOf('=', StringComparison.Ordinal);
            if (eq <= 0)
            {
                throw new G2rlException($"--set '{item}': expected key.path=value");
            }
            var keys = item[..eq].Trim().Split('.');
            var valueText = item[(eq + 1)..];
            JsonNode? value;
            try
            {
                value = JsonNode.Parse(valueText);
            }
            catch (JsonException)
            {
                value = JsonValue.Create(valueText);
            }
            var target = root;
            foreach (var key in keys[..^1])
            {
                if (target[key] is not JsonObject child)
                {
                    child = new JsonObject();
                    target[key] = child;
                }
                target = child;
            }
            target[keys[^1]] = value;
        }
    }

    private static JsonNode? FromYaml(string text, string file, Dictionary<string, int> lines)
    {
        ConfigNesting.CheckYaml(text, file, MaxDepth);
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode, "", file, lines);
    }

    private static JsonNode? Convert(YamlNode node, string at, string file, Dictionary<string, int> lines)
    {
        switch (node)
        {
            case YamlMappingNode map:
                var obj = new JsonObject();
                foreach (var (keyNode, value) in map.Children)
                {
                    var key = keyNode is YamlScalarNode k ? k.Value ?? "" : throw new G2rlException($"{file}:{keyNode.Start.Line}: a key must be a plain name");
                    var child = at.Length == 0 ? key : at + "." + key;
                    lines[child] = (int)keyNode.Start.Line;
                    if (obj.ContainsKey(key))
                    {
                        throw new G2rlException($"{file}:{keyNode.Start.Line}: duplicate key '{child}'");
                    }
                    obj[key] = Convert(value, child, file, lines);
                }
                return obj;
            case YamlSequenceNode seq:
                return new JsonArray(seq.Children.Select((c, i) => Convert(c, $"{at}[{i}]", file, lines)).ToArray());
            case YamlScalarNode scalar:
                return Scalar(scalar, at, file);
            default:
                throw new InvalidOperationException($"unsupported YAML node at line {node.Start.Line}");
        }
    }

    /// <summary>YAML 1.2 core schema for plain scalars: null, booleans, integers and finite floats; quoted scalars are strings.</summary>
    private static JsonNode? Scalar(YamlScalarNode s, string at, string file)
    {
        var v = s.Value ?? "";
        if (s.Style is YamlDotNet.Core.ScalarStyle.SingleQuoted or YamlDotNet.Core.ScalarStyle.DoubleQuoted or YamlDotNet.Core.ScalarStyle.Literal or YamlDotNet.Core.ScalarStyle.Folded)
        {
            return JsonValue.Create(v);
        }
        return v switch
        {
            "" or "~" or "null" or "Null" or "NULL" => null,
            "true" or "True" or "TRUE" => JsonValue.Create(true),
            "false" or "False" or "FALSE" => JsonValue.Create(false),
            _ when long.TryParse(v, NumberStyles.Integer, CultureInfo.InvariantCulture, out var l) => JsonValue.Create(l),
            _ when IsNonFinite(v) => throw new G2rlException($"{file}:{s.Start.Line}: {at} = {v} is not a finite number"),
            _ when double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            _ => JsonValue.Create(v),
        };
    }

    /// <summary>NaN and infinities in any spelling YAML or .NET accepts (.nan, .inf, -.Inf, NaN, Infinity, 1e999).</summary>
    private static bool IsNonFinite(string v) =>
        v.TrimStart('+', '-').ToLowerInvariant() is ".nan" or ".inf" or "nan" or "inf" or "infinity" or "∞"
        || (double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) && !double.IsFinite(d));

    private static JsonNode FromToml(string text, string file)
    {
        ConfigNesting.CheckBrackets(text, file, MaxDepth);
        return ConvertToml(Tomlyn.TomlSerializer.Deserialize<TomlTable>(text)!, "", file)!;
    }

    private static JsonNode? ConvertToml(object? value, string at, string file) => value switch
    {
        null => null,
        TomlTable table => new JsonObject(table.Select(kv => KeyValuePair.Create(kv.Key, ConvertToml(kv.Value, at.Length == 0 ? kv.Key : at + "." + kv.Key, file)))),
        TomlTableArray array => new JsonArray(array.Select((t, i) => ConvertToml(t, $"{at}[{i}]", file)).ToArray()),
        TomlArray array => new JsonArray(array.Select((v, i) => ConvertToml(v, $"{at}[{i}]", file)).ToArray()),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        int i => JsonValue.Create(i),
        double d => double.IsFinite(d) ? JsonValue.Create(d) : throw new G2rlException($"{file}: {at} = {d} is not a finite number"),
        float f => float.IsFinite(f) ? JsonValue.Create(f) : throw new G2rlException($"{file}: {at} = {f} is not a finite number"),
        _ => JsonValue.Create(value.ToString()),
    };
}
