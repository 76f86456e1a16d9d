using System.Text.Json;

namespace G2rl.Tokenization;

/// <summary>
/// Typed access to fields of tokenizer JSON files, with errors that name the file and the field
/// (<c>where</c> is the field's parent path, such as <c>"model."</c>, or empty at the top).
/// </summary>
internal static class TokenizerJsonFields
{
    /// <summary>The field, or null when it is missing or JSON null.</summary>
    public static JsonElement? Optional(JsonElement parent, string name) =>
        parent.ValueKind == JsonValueKind.Object && parent.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    /// <summary>The field, which must be present with the given kind.</summary>
    public static JsonElement Required(JsonElement parent, string name, JsonValueKind kind, string file, string where)
    {
        var value = Optional(parent, name);
        if (value is null)
        {
            throw new G2rlException($"{file}: \"{where}{name}\" is missing");
        }
        if (value.Value.ValueKind != kind)
        {
            throw new G2rlException($"{file}: \"{where}{name}\" should be {Describe(kind)}, found {Describe(value.Value.ValueKind)}");
        }
        return value.Value;
    }

    /// <summary>A string field, or null when missing; an error when it has another type.</summary>
    public static string? OptionalString(JsonElement parent, string name, string file, string where)
    {
        var value = Optional(parent, name);
        if (value is null)
        {
            return null;
        }
        return value.Value.ValueKind == JsonValueKind.String
            ? value.Value.GetString()
            : throw new G2rlException($"{file}: \"{where}{name}\" should be a string, found {Describe(value.Value.ValueKind)}");
    }

    /// <summary>A boolean field, or <paramref name="fallback"/> when missing.</summary>
    public static bool OptionalBool(JsonElement parent, string name, bool fallback) =>
        Optional(parent, name) is { ValueKind: JsonValueKind.True or JsonValueKind.False } value ? value.GetBoolean() : fallback;

    /// <summary>An integer field that must be present.</summary>
    public static int RequiredInt(JsonElement parent, string name, string file, string where)
    {
        var value = Required(parent, name, JsonValueKind.Number, file, where);
        return value.TryGetInt32(out var number)
            ? number
            : throw new G2rlException($"{file}: \"{where}{name}\" should be an integer, found {value.GetRawText()}");
    }

    /// <summary>The "type" of a component object (normalizer, pre_tokenizer, decoder, model), or null.</summary>
    public static string? TypeOf(JsonElement? component) =>
        component is { ValueKind: JsonValueKind.Object } c && c.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String
            ? type.GetString()
            : null;

    /// <summary>A component and, for a "Sequence", its members (depth first).</summary>
    public static IEnumerable<JsonElement> Flatten(JsonElement? component)
    {
        if (component is not { ValueKind: JsonValueKind.Object } c)
        {
            yield break;
        }
        yield return c;
        foreach (var listName in new[] { "pretokenizers", "normalizers", "decoders" })
        {
            if (c.TryGetProperty(listName, out var list) && list.ValueKind == JsonValueKind.Array)
            {
                foreach (var member in list.EnumerateArray().SelectMany(m => Flatten(m)))
                {
                    yield return member;
                }
            }
        }
    }

    private static string Describe(JsonValueKind kind) => kind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
