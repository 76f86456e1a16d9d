using System.Reflection;
using System.Text.Json;

namespace G2rl.Training.Config;

/// <summary>Every floating-point config value must be finite (NaN and ±Infinity pass most range checks, or none at all).</summary>
internal static class ConfigNumbers
{
    public static void CheckFinite(TrainConfig config, string source)
    {
        foreach (var section in typeof(TrainConfig).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = section.GetValue(config);
            if (value is null)
            {
                continue;
            }
            foreach (var field in section.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                var number = field.GetValue(value) switch
                {
                    double d => d,
                    float f => f,
                    _ => 0.0,
                };
                if (!double.IsFinite(number))
                {
                    throw new G2rlException($"{source}: {Name(section)}.{Name(field)} must be a finite number, got {number}");
                }
            }
        }
    }

    private static string Name(PropertyInfo p) => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name);
}
