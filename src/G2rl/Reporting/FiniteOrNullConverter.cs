using System.Text.Json;
using System.Text.Json.Serialization;

namespace G2rl.Reporting;

/// <summary>Writes NaN and ±Infinity as JSON <c>null</c> (JSON has no such numbers; System.Text.Json would throw).</summary>
public sealed class FiniteOrNullConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.TokenType == JsonTokenType.Null ? double.NaN : reader.GetDouble();

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options)
    {
        if (double.IsFinite(value))
        {
            writer.WriteNumberValue(value);
        }
        else
        {
            writer.WriteNullValue();
        }
    }
}
