using System.Collections;
using System.Reflection;
using System.Text.Json;

namespace G2rl.Training.Config;

/// <summary>
/// A <c>null</c> (an empty YAML value such as <c>rollout:</c>) where the config needs a section, a string or a list — or a
/// null inside a list — is an error naming the key, not a NullReferenceException later.
/// </summary>
internal static class ConfigNulls
{
    private static readonly NullabilityInfoContext Nullability = new();

    public static void Check(TrainConfig config, string source)
    {
        foreach (var section in typeof(TrainConfig).GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            var value = section.GetValue(config) ?? throw new G2rlException($"{source}: '{Name(section)}' must be a mapping, got null");
            if (value is IEnumerable sectionList and not string)
            {
                if (sectionList.Cast<object?>().Any(e => e is null))
                {
                    throw new G2rlException($"{source}: '{Name(section)}' must not contain null");
                }
                continue;
            }
            foreach (var field in section.PropertyType.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(f => f.GetIndexParameters().Length == 0))
            {
                var key = $"{Name(section)}.{Name(field)}";
                var item = field.GetValue(value);
                if (item is null && !field.PropertyType.IsValueType && Nullability.Create(field).ReadState == NullabilityState.NotNull)
                {
                    throw new G2rlException($"{source}: '{key}' must not be null");
                }
                if (item is IEnumerable list and not string && list.Cast<object?>().Any(e => e is null))
                {
                    throw new G2rlException($"{source}: '{key}' must not contain null");
                }
            }
        }
    }

    private static string Name(PropertyInfo p) => JsonNamingPolicy.SnakeCaseLower.ConvertName(p.Name);
}
