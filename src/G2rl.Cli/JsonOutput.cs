using System.Text.Json;
using G2rl.Reporting;

namespace G2rl.Cli;

/// <summary>The one place where commands write JSON to stdout (compact, invariant, UTF-8; NaN and ±Infinity as null).</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = false,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new FiniteOrNullConverter(), new FiniteOrNullFloatConverter() },
    };

    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);
}
