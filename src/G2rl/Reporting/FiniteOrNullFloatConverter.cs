using System.Text.Json;
using System.Text.Json.Serialization;

namespace G2rl.Reporting;

/// <summary>The float32 twin of <see cref="FiniteOrNullConverter"/>.</summary>
public sealed class FiniteOrNullFloatConverter : JsonConverter<float>
{
    public override float Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? float.NaN : reader.GetSingle();

    public override void Write(Utf8JsonWriter writer, float value, JsonSerializerOptions options)
    {
        if (float.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
