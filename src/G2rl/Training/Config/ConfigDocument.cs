using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Tomlyn.Model;
using YamlDotNet.RepresentationModel;

namespace G2rl.Training.Config;

/// <summary>Reads a config file (.json, .yaml/.yml, .toml) into a JSON tree and applies <c>--set key.path=value</c> overrides.</summary>
public static class ConfigDocument
{
    /// <summary>Parses <paramref name="path"/> by its extension; errors name the file (and line where the parser reports one).</summary>
    public static JsonObject Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new G2rlException($"config file not found: {path}");
        }
        var text = File.ReadAllText(path);
        var ext = Path.GetExtension(path).ToLowerInvariant();
        try
        {
            var node = ext switch
            {
                ".json" => JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true }),
                ".yaml" or ".yml" => FromYaml(text),
                ".toml" => FromToml(text),
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

    private static JsonNode? FromYaml(string text)
    {
        var stream = new YamlStream();
        stream.Load(new StringReader(text));
        return stream.Documents.Count == 0 ? null : Convert(stream.Documents[0].RootNode);
    }

    private static JsonNode? Convert(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(kv => KeyValuePair.Create(((YamlScalarNode)kv.Key).Value ?? "", Convert(kv.Value)))),
        YamlSequenceNode seq => new JsonArray(seq.Children.Select(Convert).ToArray()),
        YamlScalarNode scalar => Scalar(scalar),
        _ => throw new InvalidOperationException($"unsupported YAML node at line {node.Start.Line}"),
    };

    /// <summary>YAML 1.2 core schema for plain scalars: null, booleans, integers and floats; quoted scalars are strings.</summary>
    private static JsonNode? Scalar(YamlScalarNode s)
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
            _ when double.TryParse(v, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) => JsonValue.Create(d),
            _ => JsonValue.Create(v),
        };
    }

    private static JsonNode FromToml(string text) => ConvertToml(Tomlyn.TomlSerializer.Deserialize<TomlTable>(text)!)!;

    private static JsonNode? ConvertToml(object? value) => value switch
    {
        null => null,
        TomlTable table => new JsonObject(table.Select(kv => KeyValuePair.Create(kv.Key, ConvertToml(kv.Value)))),
        TomlTableArray array => new JsonArray(array.Select(t => ConvertToml(t)).ToArray()),
        TomlArray array => new JsonArray(array.Select(ConvertToml).ToArray()),
        string s => JsonValue.Create(s),
        bool b => JsonValue.Create(b),
        long l => JsonValue.Create(l),
        int i => JsonValue.Create(i),
        double d => JsonValue.Create(d),
        float f => JsonValue.Create(f),
        _ => JsonValue.Create(value.ToString()),
    };
}
