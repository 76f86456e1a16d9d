using System.Text.Json;
using System.Text.Json.Nodes;

namespace G2rl.Model;

/// <summary>Typed access to the fields of a JSON object, with errors naming the source and the field.</summary>
internal sealed class ConfigFieldReader(JsonObject root, string source)
{
    public bool Has(string name) => root.ContainsKey(name) && root[name] is not null;

    public int RequiredInt(string name) => OptionalInt(name) ?? throw new G2rlException($"{source}: missing required field '{name}'");

    public int? OptionalInt(string name) => Get(name, n => Number(n) is double d && d == Math.Floor(d) && Math.Abs(d) <= int.MaxValue ? (int)d : (int?)null, "an integer");

    public double? OptionalDouble(string name) => Get(name, Number, "a number");

    private static double? Number(JsonValue n) =>
        n.GetValueKind() == JsonValueKind.Number ? double.Parse(n.ToJsonString(), System.Globalization.CultureInfo.InvariantCulture) : null;

    public bool? OptionalBool(string name) => Get(name, n => n.GetValueKind() is JsonValueKind.True or JsonValueKind.False ? n.GetValue<bool>() : (bool?)null, "true/false");

    public string? OptionalString(string name) => Get(name, n => n.GetValueKind() == JsonValueKind.String ? n.GetValue<string>() : null, "a string");

    public IReadOnlyList<int> IntOrIntList(string name)
    {
        var node = root[name];
        return node switch
        {
            null => [],
            JsonArray array => array.Select((n, i) => n is JsonValue v && Number(v) is double d
                ? checked((int)d)
                : throw new G2rlException($"{source}: field '{name}[{i}]' must be an integer")).ToList(),
            _ => [OptionalInt(name)!.Value],
        };
    }

    private T? Get<T>(string name, Func<JsonValue, T?> read, string expected)
    {
        var node = root[name];
        if (node is null)
        {
            return default;
        }
        T? value = node is JsonValue v ? read(v) : default;
        return value ?? throw new G2rlException($"{source}: field '{name}' must be {expected}, got {node.ToJsonString()}");
    }
}
