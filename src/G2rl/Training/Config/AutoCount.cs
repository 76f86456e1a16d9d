using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace G2rl.Training.Config;

/// <summary>
/// A positive count or <c>auto</c> (null <see cref="Value"/>): in config files either an integer ≥ 1 or the string "auto".
/// <c>auto</c> is resolved by the memory plan (docs/scale.md) before step 1.
/// </summary>
[JsonConverter(typeof(AutoCountJsonConverter))]
public readonly record struct AutoCount(int? Value)
{
    /// <summary>The automatic setting.</summary>
    public static AutoCount Auto => new(null);

    /// <summary>True when the value is left to the memory plan.</summary>
    public bool IsAuto => Value is null;

    /// <summary>The value, or <paramref name="resolved"/> when automatic.</summary>
    public int Or(int resolved) => Value ?? resolved;

    /// <summary>"auto" or the number.</summary>
    public override string ToString() => Value?.ToString(CultureInfo.InvariantCulture) ?? "auto";

    /// <summary>Parses "auto" or a positive integer (CLI flags); null when the text is neither.</summary>
    public static AutoCount? Parse(string text) =>
        text.Equals("auto", StringComparison.OrdinalIgnoreCase) ? Auto
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1 ? new AutoCount(n)
        : null;
}

/// <summary>JSON form of <see cref="AutoCount"/>: a number or the string "auto".</summary>
public sealed class AutoCountJsonConverter : JsonConverter<AutoCount>
{
    public override AutoCount Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var n) && n >= 1)
        {
            return new AutoCount(n);
        }
        if (reader.TokenType == JsonTokenType.String && AutoCount.Parse(reader.GetString() ?? "") is { } parsed)
        {
            return parsed;
        }
        throw new JsonException("expected a positive integer or \"auto\"");
    }

    public override void Write(Utf8JsonWriter writer, AutoCount value, JsonSerializerOptions options)
    {
        if (value.Value is int n)
        {
            writer.WriteNumberValue(n);
        }
        else
        {
            writer.WriteStringValue("auto");
        }
    }
}
